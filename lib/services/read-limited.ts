// Reads a response body as text, counting bytes as they arrive, and stops (cancelling the
// download) as soon as it is past the limit: a huge answer costs no more than the limit.

export type LimitedText = { ok: true; text: string } | { ok: false; reason: 'tooLarge' };

export async function readLimited(response: Response, maxBytes: number): Promise<LimitedText> {
  const length = Number(response.headers.get('Content-Length') ?? '');
  if (Number.isFinite(length) && length > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    return { ok: false, reason: 'tooLarge' };
  }
  if (!response.body) return { ok: true, text: '' };
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let total = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return { ok: false, reason: 'tooLarge' };
    }
    text += decoder.decode(value, { stream: true });
  }
  return { ok: true, text: text + decoder.decode() };
}
