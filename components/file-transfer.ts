import { useState } from 'preact/hooks';
import { errorText } from './format';
import { fileTooLarge } from '@/lib/import-limits';
import { decodeTextFile } from '@/lib/text-file';

/** Saves text (or bytes) as a file through a temporary Blob link. */
export function downloadText(filename: string, text: string | Uint8Array<ArrayBuffer>, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export type ImportState<O> = { state: 'idle' } | { state: 'reading'; name: string } | { state: 'done'; name: string; outcome: O } | { state: 'failed'; reason: string };

/** An export button's action: asks for the file and hands it to the browser, or says why it couldn't. */
export function useExport<F>(onExport: (format: F) => Promise<{ filename: string; text: string; mime: string }>, download: (filename: string, text: string, mime: string) => void) {
  const [exportError, setExportError] = useState<string | null>(null);
  const exportAs = async (format: F) => {
    setExportError(null);
    try {
      const file = await onExport(format);
      download(file.filename, file.text, file.mime);
    } catch (e) {
      setExportError(`Couldn't export: ${errorText(e)}`);
    }
  };
  return { exportError, exportAs };
}

/**
 * A file input's import: `prepare` refuses a file (the reason) or gives the importer for its text.
 * A file over `maxBytes` is refused by its size before it is read, and one that is not UTF-8 text
 * (UTF-16, Windows-1252) with a reason saying how to save it. The input is cleared afterwards, so
 * the same file can be chosen again after fixing it.
 */
export function useFileImport<O>(prepare: (file: File) => string | ((text: string) => Promise<O>), maxBytes: number) {
  const [imported, setImported] = useState<ImportState<O>>({ state: 'idle' });
  const chooseFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    const importer = fileTooLarge(file.size, maxBytes) ?? prepare(file);
    if (typeof importer === 'string') {
      setImported({ state: 'failed', reason: importer });
      input.value = '';
      return;
    }
    setImported({ state: 'reading', name: file.name });
    try {
      const read = decodeTextFile(new Uint8Array(await file.arrayBuffer()));
      setImported(read.ok ? { state: 'done', name: file.name, outcome: await importer(read.text) } : { state: 'failed', reason: read.reason });
    } catch (e) {
      setImported({ state: 'failed', reason: errorText(e) });
    } finally {
      input.value = '';
    }
  };
  return { imported, chooseFile };
}
