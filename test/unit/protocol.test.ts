import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { requestSchema, SENDERS, type Answer, type AnswerShape, type Request, type RequestType } from '../../lib/messages/protocol';
import { t } from '../../lib/text/i18n';
import { parseTabRequest } from '../../lib/messages/tab';
import { send } from '../../lib/messages/send';
import { openDatabase, Store } from '../../lib/storage/store';
import { createWorker } from '../../lib/worker/create-worker';
import { fixturePlan } from '../support/fixtures';

// The message protocol: every message is classified, a Digiteket page may send only what it
// needs, and whatever the worker will not take comes back as a failure, never as nothing.

const KEY = 'digiteket.se/kurs/skapa-en-podd/';

/** One well-formed request of every type: the type check fails when a new one is missing. */
const SAMPLES: { [T in RequestType]: Extract<Request, { type: T }> } = {
  pageContext: { type: 'pageContext' },
  courseSteps: { type: 'courseSteps', key: 'digiteket.se/kurs/ner-i-kaninhalet-starta-din-egen-studiecirkel-om-ai/', steps: ['/kurs/ner-i-kaninhalet-starta-din-egen-studiecirkel-om-ai/att-leda-samtalet-17993.66d6b4626c1a43.10482215/'] },
  visited: { type: 'visited', key: KEY, title: 'Skapa en podd' },
  completedOnPage: { type: 'completedOnPage', key: KEY, title: 'Skapa en podd' },
  setDone: { type: 'setDone', key: KEY, done: true },
  importMyPages: { type: 'importMyPages', entries: [{ key: KEY, title: 'Skapa en podd' }] },
  importPlan: { type: 'importPlan', text: JSON.stringify(fixturePlan()) },
  useDemoPlan: { type: 'useDemoPlan' },
  setPlanUrl: { type: 'setPlanUrl', url: 'https://plan.example.se/plan.json' },
  refreshPlan: { type: 'refreshPlan' },
  notesOf: { type: 'notesOf', key: KEY },
  noteCreate: { type: 'noteCreate', key: KEY, title: 'Skapa en podd', text: 'privat' },
  noteUpdate: { type: 'noteUpdate', id: 'n1', patch: { shared: true } },
  noteRemove: { type: 'noteRemove', id: 'n1' },
  noteRestore: { type: 'noteRestore', id: 'n1' },
  notesPanelTicket: { type: 'notesPanelTicket', key: KEY, title: 'Skapa en podd' },
  notesPanelOpen: { type: 'notesPanelOpen', ticket: 'ab'.repeat(32) },
  dismissPlanChanges: { type: 'dismissPlanChanges' },
  saveDraft: { type: 'saveDraft', plan: fixturePlan() },
  addToDraft: { type: 'addToDraft', periodId: '2026-11', items: [{ key: KEY, title: 'Skapa en podd', kind: 'course' }] },
  catalogueSeen: { type: 'catalogueSeen', entries: [{ key: KEY, title: 'Skapa en podd', area: 'Skapa innehåll', minutes: 45 }] },
  useDraft: { type: 'useDraft' },
  joinTeam: { type: 'joinTeam', url: 'https://moln.example.se/dav/', username: 'a', password: 'b', displayName: 'Kim', shareProgress: true, shareNotes: true },
  leaveTeam: { type: 'leaveTeam' },
  syncNow: { type: 'syncNow' },
  lookAtSignups: { type: 'lookAtSignups' },
  setSharing: { type: 'setSharing', shareProgress: true, shareNotes: true, displayName: 'Kim' },
  signUp: { type: 'signUp', sessionId: '2026-11-s1', cancel: false },
  teamMembers: { type: 'teamMembers' },
  teamMembersSoFar: { type: 'teamMembersSoFar', after: 20 },
  cancelTeamMembers: { type: 'cancelTeamMembers' },
  saveSelfAssessment: { type: 'saveSelfAssessment', scale: 7, scores: { information: 4 }, source: 'page' },
  openReport: { type: 'openReport' },
  pageReport: { type: 'pageReport', report: { address: 'https://digiteket.se/kurs/skapa-en-podd/', kind: 'landing', found: ['heading'], missing: [] } },
  publishPlan: { type: 'publishPlan' },
  takeFolderPlan: { type: 'takeFolderPlan', etag: '"1"' },
  restoreBackup: { type: 'restoreBackup', text: '{}' },
  forgetTrustedKey: { type: 'forgetTrustedKey' },
  createSigningKey: { type: 'createSigningKey', exportable: false },
  exportSigningKey: { type: 'exportSigningKey' },
  importSigningKey: { type: 'importSigningKey', text: '{}' },
  planFileText: { type: 'planFileText' },
  saveEvaluation: { type: 'saveEvaluation', periodId: '2026-11', courseKey: KEY, usefulness: 4 },
  openEvaluation: { type: 'openEvaluation', key: KEY },
  setExtension: { type: 'setExtension', periodId: '2026-11', deadline: '2026-12-15', reason: 'sick' },
  removeExtension: { type: 'removeExtension', periodId: '2026-11' },
  grantExtension: { type: 'grantExtension', memberId: 'aaaaaaaa-0000', periodId: '2026-11', deadline: '2026-12-15' },
  revokeExtension: { type: 'revokeExtension', memberId: 'aaaaaaaa-0000', periodId: '2026-11' },
};

let count = 0;
async function worker() {
  const store = new Store(await openDatabase(`protocol-${++count}`));
  const fetchImpl = vi.fn<typeof fetch>(async () => new Response('nej', { status: 500 }));
  const openReport = vi.fn(async () => undefined);
  let teamFolder: unknown = null;
  let planUrl: string | null = null;
  const w = createWorker({
    store,
    fetch: fetchImpl,
    planUrl: { getValue: async () => planUrl, setValue: async (v) => void (planUrl = v) },
    teamFolder: { getValue: async () => teamFolder, setValue: async (v) => void (teamFolder = v) },
    coordinatorMode: async () => true,
    planAddress: async () => null,
    redraw: async () => undefined,
    bumpRevision: async () => undefined,
    notesChanged: async () => undefined,
    scheduleSync: () => undefined,
    afterSync: async () => undefined,
    openReport,
    planTimeoutMs: 50,
  });
  return { w, store, fetchImpl, openReport };
}

// A content script in a tab's top frame, one of our pages in a window of its own, and one of
// our pages framed inside a web page (the notes panel, or a copy the page framed itself).
const page = { fromExtensionPage: false, place: { tabId: 1, frameId: 0 } };
const extension = { fromExtensionPage: true };
const framed = { fromExtensionPage: true, place: { tabId: 1, frameId: 5 } };
const SENDER_OF = { site: page, extension, panel: extension, framed } as const;

describe('the message protocol', () => {
  it('classifies every message, and lets a Digiteket page send only what a page needs', () => {
    const types = requestSchema.options.map((o) => o.shape.type.value).sort();
    expect(Object.keys(SENDERS).sort()).toEqual(types);
    expect(Object.keys(SAMPLES).sort()).toEqual(types);
    const fromSite = Object.entries(SENDERS)
      .filter(([, who]) => who === 'site')
      .map(([type]) => type)
      .sort();
    // A change here is a decision about what Digiteket's pages (and their scripts) can do.
    expect(fromSite).toEqual(['addToDraft', 'catalogueSeen', 'completedOnPage', 'courseSteps', 'importMyPages', 'notesPanelTicket', 'openEvaluation', 'openReport', 'pageContext', 'pageReport', 'saveSelfAssessment', 'setDone', 'visited']);
    // And what a page of ours framed inside a web page may send (the panel, once granted).
    const fromFrames = Object.entries(SENDERS)
      .filter(([, who]) => who === 'panel' || who === 'framed')
      .map(([type]) => type)
      .sort();
    expect(fromFrames).toEqual(['noteCreate', 'noteRemove', 'noteRestore', 'noteUpdate', 'notesOf', 'notesPanelOpen']);
  });

  it('refuses every page-only message from a Digiteket page, and changes nothing', async () => {
    const { w, store, fetchImpl } = await worker();
    for (const [type, who] of Object.entries(SENDERS)) {
      if (who === 'site') continue;
      expect(await w.handle(SAMPLES[type as RequestType], page), type).toEqual({ ok: false, error: 'messageRefused' });
    }
    expect(await store.activePlan()).toBeUndefined();
    expect(await store.allNotes()).toEqual([]);
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it('answers every message it takes with ok, true or false', async () => {
    const { w } = await worker();
    for (const type of Object.keys(SAMPLES) as RequestType[]) {
      const sender = SENDER_OF[SENDERS[type]];
      const answer = await w.handle(SAMPLES[type], sender);
      expect(typeof answer.ok, type).toBe('boolean');
      if (!answer.ok) {
        expect(answer.error, type).not.toBe('messageRefused');
        // Every failure is the key of a sentence in the catalogue, shown as it is.
        expect(t(answer.error), type).not.toBe('');
      }
    }
  });

  it('has one shape for every answer: ok, or a failure naming the key of its sentence', () => {
    expectTypeOf<Answer<RequestType>>().toExtend<AnswerShape>();
    expectTypeOf<Answer<'publishPlan'>>().toExtend<AnswerShape>();
    // What the protocol refuses to compile: a failure with a bare code, or with no error at all.
    expectTypeOf<{ ok: false; error: 'auth' }>().not.toExtend<AnswerShape>();
    expectTypeOf<{ ok: false; problems: [] }>().not.toExtend<AnswerShape>();
  });

  it('gives the sender a failure, not undefined, when nobody answers or the worker is gone', async () => {
    fakeBrowser.reset();
    // Nothing listens: the browser rejects the message.
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'));
    expect(await send({ type: 'pageContext' })).toEqual({ ok: false, error: 'messageUndelivered' });
    // A listener that answers nothing (an older worker, or a refusal without an answer).
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValueOnce(undefined);
    expect(await send({ type: 'pageContext' })).toEqual({ ok: false, error: 'messageRefused' });
  });

  it('takes only its own two messages in a tab', () => {
    expect(parseTabRequest({ type: 'toggleNotes' })).toEqual({ type: 'toggleNotes' });
    expect(parseTabRequest({ type: 'closeNotes', extra: 1 })).toEqual({ type: 'closeNotes' });
    expect(parseTabRequest({ type: 'noteCreate' })).toBeNull();
    expect(parseTabRequest('toggleNotes')).toBeNull();
    expect(parseTabRequest(null)).toBeNull();
  });
});
