import fs from 'node:fs';
import type { IncomingMessage } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import busboy from 'busboy';
import { UploadRefused } from './sheet-reader';

export interface SavedUpload {
  path: string;
  name: string;
  /** Removes the temporary file. */
  discard(): Promise<void>;
}

const tooLarge = (max: number) => new UploadRefused(413, 'FILE_TOO_LARGE', `上传文件超过 ${Math.floor(max / 1024 / 1024)} MB 上限（IMPORT_MAX_BYTES）`);

/** Counts bytes through it and fails once there are more than `max`. */
function limit(max: number): Transform {
  let size = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      done(size > max ? tooLarge(max) : null, chunk);
    },
  });
}

/**
 * Saves the uploaded file of a request to a temporary file, at most `maxBytes`: the `file` part
 * of a multipart/form-data body, or the whole body when it is sent as the file itself.
 */
export async function saveUpload(req: IncomingMessage, maxBytes: number): Promise<SavedUpload> {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'catalogue-import-'));
  const target = path.join(dir, 'upload');
  const discard = () => fs.promises.rm(dir, { recursive: true, force: true });
  const declared = Number(req.headers['content-length']);
  try {
    if (Number.isFinite(declared) && declared > maxBytes + 64 * 1024) throw tooLarge(maxBytes);
    const type = (req.headers['content-type'] ?? '').toLowerCase();
    if (!type.startsWith('multipart/form-data')) {
      await pipeline(req, limit(maxBytes), fs.createWriteStream(target));
      return { path: target, name: '', discard };
    }
    const name = await new Promise<string>((resolve, reject) => {
      let bb: busboy.Busboy;
      try {
        bb = busboy({ headers: req.headers, limits: { files: 1, fileSize: maxBytes, fields: 10, parts: 20 } });
      } catch {
        return reject(new UploadRefused(400, 'BAD_MULTIPART', 'multipart/form-data 请求格式错误'));
      }
      let saving: Promise<string> | null = null;
      bb.on('file', (_field, file, info) => {
        if (saving) return file.resume();
        saving = new Promise<string>((done, fail) => {
          let truncated = false;
          file.on('limit', () => (truncated = true));
          pipeline(file, fs.createWriteStream(target))
            .then(() => (truncated ? fail(tooLarge(maxBytes)) : done(info.filename ?? '')))
            .catch(fail);
        });
      });
      bb.on('error', () => reject(new UploadRefused(400, 'BAD_MULTIPART', 'multipart/form-data 请求格式错误')));
      bb.on('close', () => {
        if (!saving) reject(new UploadRefused(400, 'NO_FILE', '请求中没有上传文件（表单字段 file）'));
        else saving.then(resolve, reject);
      });
      req.pipe(bb);
    });
    return { path: target, name, discard };
  } catch (err) {
    req.resume();
    await discard();
    throw err;
  }
}
