import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import type { GetManualChunk } from 'rollup';
import { DIGITEKET_MATCHES } from './lib/site/hosts';

const POPUP_ENTRY = /\/entrypoints\/popup\/(index\.html|main\.tsx)$/;
const POPUP_OWN = /\/(entrypoints|components)\/popup\//;

/** Puts every module the popup imports, except its own components, in one chunk. */
function popupShell(): GetManualChunk {
  let closure: Set<string> | undefined;
  return (id, { getModuleIds, getModuleInfo }) => {
    if (!closure) {
      const found = new Set<string>();
      const queue = [...getModuleIds()].filter((moduleId) => POPUP_ENTRY.test(moduleId));
      while (queue.length > 0) {
        const next = queue.pop() as string;
        if (found.has(next)) continue;
        found.add(next);
        queue.push(...(getModuleInfo(next)?.importedIds ?? []));
      }
      closure = found;
    }
    return closure.has(id) && !POPUP_OWN.test(id) ? 'popup-shell' : undefined;
  };
}

export default defineConfig({
  // Manifest V3 for Firefox too: optional host permissions and the same background model.
  manifestVersion: 3,
  vite: () => ({
    plugins: [preact()],
    // Every file an extension page loads is a round trip through the browser process before the
    // page can draw: small shared chunks are merged so the popup loads a few files, not fifteen.
    // Chromium and Firefox 115+ know modulepreload: no polyfill file on every page.
    build: { modulePreload: { polyfill: false }, rollupOptions: { output: { experimentalMinChunkSize: 20_000 } } },
  }),
  hooks: {
    // The popup opens on every click of the toolbar button: what it needs from the shared code
    // goes in one file, so it loads two scripts instead of five (measured: its script runs
    // ~35 ms sooner). Other pages load that file too where they share the code.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.some((entry) => entry.type === 'popup')) return;
      const output = config.build?.rollupOptions?.output;
      if (!output || Array.isArray(output)) return;
      output.manualChunks = popupShell();
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'sv',
    // Only what the badges, the plan URL refresh, reminders and the toolbar count need; the plan URL's
    // origin is asked for at the moment the user enters it (optional host permission).
    // Digiteket itself is named because the planner reads course titles from its pages; the
    // content script already asks for the same sites, so installing warns of nothing more.
    permissions: ['storage', 'alarms', 'notifications'],
    host_permissions: [...DIGITEKET_MATCHES],
    // A team folder on this computer (npm run team-folder) is plain http on loopback.
    optional_host_permissions: ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'],
    action: { default_title: '__MSG_extName__' },
    commands: {
      'toggle-notes': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: '__MSG_commandToggleNotes__',
      },
    },
    // The notes panel is shown inside Digiteket's course pages, in an iframe of its own. It opens
    // only on a one-time ticket (lib/services/panel-tickets.ts); in Chrome its address also
    // changes every session (`use_dynamic_url`), so a page cannot even load it by guessing.
    // Firefox has no dynamic address, but its extension address is random for each install.
    web_accessible_resources: [
      {
        resources: ['notes-panel.html'],
        matches: [...DIGITEKET_MATCHES],
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    ...(browser === 'firefox'
      ? {
          // Firefox reads policy values from its own policies.json ("3rdparty" section).
          browser_specific_settings: {
            gecko: {
              id: 'kurskompis@kurskompis.se',
              // 140 is the ESR that municipal desktops run and the first that reads
              // data_collection_permissions; Android reads it from 142.
              strict_min_version: '140.0',
              // Nothing leaves the browser unless the user joins a team folder, a server of the
              // user's choosing; the kinds it then receives are asked for at that moment
              // (entrypoints/options/data-consent.ts).
              data_collection_permissions: { required: ['none'], optional: ['personallyIdentifyingInfo', 'browsingActivity', 'personalCommunications'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {
          // Lets IT preset the plan address by enterprise policy (see README).
          storage: { managed_schema: 'managed_schema.json' },
        }),
  }),
});
