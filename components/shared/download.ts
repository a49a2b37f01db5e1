/** Hands `text` to the browser as a file to save, named `fileName`. */
export function downloadText(fileName: string, text: string, type: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = fileName;
  link.click();
  // The browser has taken the file by then; the address is only memory held.
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
