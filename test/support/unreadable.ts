import { screen } from '@testing-library/preact';
import { expect, onTestFinished, vi } from 'vitest';

/** A read from a database that opened but cannot be read (a damaged profile, a failing disk). */
export const unreadable = (): Promise<never> => Promise.reject(new DOMException('The database could not be read.', 'UnknownError'));

/** Keeps the logged failures out of the test's output, until it ends; gives the spy to check they were logged. */
export function quietErrors() {
  const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  onTestFinished(() => spy.mockRestore());
  return spy;
}

/** The page says it could not read what is saved, under its own `heading`, with a way to reload. */
export async function expectSaidUnreadable(heading: string): Promise<void> {
  expect((await screen.findByRole('alert')).textContent).toMatch(/^Kurskompis kunde inte läsa det som sparats i den här webbläsaren\. Inget har ändrats/);
  expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(heading);
  expect(screen.getByRole('button', { name: 'Ladda om sidan' })).toBeTruthy();
}
