// Reads a response body as text, counting bytes as they arrive, and stops (cancelling the
// download) as soon as it is past the limit: a huge answer costs no more than the limit.
// With a signal, the whole body must arrive before it aborts: a server that sends its headers
// at once and then a byte now and then is stopped there, not after the last byte. An aborted
// or broken read throws (the signal's reason, or the stream's error).

export type LimitedText = { ok: true; text: string } | { ok: false; reason: 'tooLarge' };

export async function readLimited(response: Response, maxBytes: number, signal?: AbortSignal): Promise<LimitedText> {
  const length = Number(response.headers.get('Content-Length') ?? '');
  if (Number.isFinite(length) && length > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    return { ok: false, reason: 'tooLarge' };
  }
  if (!response.body) return { ok: true, text: '' };
  const reader = response.body.getReader();
  // Cancelling ends a pending read with `done`, so every read is checked against the signal too.
  const abort = () => void reader.cancel(signal?.reason).catch(() => undefined);
  signal?.throwIfAborted();
  signal?.addEventListener('abort', abort, { once: true });
  const decoder = new TextDecoder();
  let total = 0;
  let text = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      signal?.throwIfAborted();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, reason: 'tooLarge' };
      }
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    signal?.removeEventListener('abort', abort);
  }
  return { ok: true, text: text + decoder.decode() };
}
