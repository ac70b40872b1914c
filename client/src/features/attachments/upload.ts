/** The largest file the server keeps (20 MiB); the form refuses larger ones before sending. */
export const MAX_BYTES = 20 * 1024 * 1024;

/** Why an upload failed, as the panel words it. */
export type UploadFailure = {
  kind: 'TOO_LARGE' | 'TYPE' | 'VIRUS' | 'EMPTY' | 'FORBIDDEN' | 'NETWORK' | 'OTHER';
  requestId?: string;
};

/**
 * Posts one file to `/attachments` with XMLHttpRequest (fetch reports no
 * upload progress): the session cookie goes along, `X-Requested-With` is
 * the app's CSRF proof. Resolves with the new attachment's id.
 */
export function uploadFile(
  target: { targetType: string; targetId: string },
  file: File,
  onProgress: (fraction: number) => void,
): Promise<{ ok: true; id: string } | { ok: false; failure: UploadFailure }> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    const form = new FormData();
    form.set('targetType', target.targetType);
    form.set('targetId', target.targetId);
    form.set('file', file, file.name);
    // The target also in the query string: the server checks the right before it reads the body.
    xhr.open('POST', `/attachments?${new URLSearchParams(target).toString()}`);
    xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () => resolve({ ok: false, failure: { kind: 'NETWORK' } });
    xhr.onload = () => {
      const body = xhr.response as {
        attachment?: { id: string };
        errors?: { extensions?: { code?: string; reason?: string; requestId?: string } }[];
      } | null;
      if (xhr.status === 201 && body?.attachment) return resolve({ ok: true, id: body.attachment.id });
      const ext = body?.errors?.[0]?.extensions ?? {};
      const reason = ext.reason;
      const kind: UploadFailure['kind'] =
        xhr.status === 413 || reason === 'TOO_LARGE'
          ? 'TOO_LARGE'
          : reason === 'TYPE' || reason === 'VIRUS' || reason === 'EMPTY'
            ? reason
            : ext.code === 'FORBIDDEN' || ext.code === 'NOT_FOUND' || ext.code === 'UNAUTHENTICATED'
              ? 'FORBIDDEN'
              : 'OTHER';
      resolve({ ok: false, failure: { kind, requestId: ext.requestId } });
    };
    xhr.send(form);
  });
}

/** A size in B, kB or MB for people (decimal units, as file managers show them). */
export function formatSize(bytes: number, locale: string): string {
  const fmt = (n: number, digits: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(n);
  if (bytes < 1000) return `${fmt(bytes, 0)} B`;
  if (bytes < 1_000_000) return `${fmt(bytes / 1000, 0)} kB`;
  return `${fmt(bytes / 1_000_000, 1)} MB`;
}
