import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'happy-dom',
    environmentOptions: {
      // Fixture pages are read as if served by Digiteket, so relative links resolve there.
      happyDOM: { url: 'https://digiteket.se/kurser/', settings: { disableCSSFileLoading: true, handleDisabledFileLoadingAsSuccess: true } },
    },
    include: ['test/unit/**/*.test.{ts,tsx}', 'test/attack/**/*.test.{ts,tsx}', 'lib/**/*.test.ts', 'components/**/*.test.{ts,tsx}'],
    setupFiles: ['test/unit/setup.ts'],
    // A loaded two-core CI machine runs axe or a first import of the build config in seconds;
    // no test measures time, so a slow machine must not fail one.
    testTimeout: 30_000,
  },
});
