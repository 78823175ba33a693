// Failures of the local database file, each with what the user can do about it.
export type StorageProblem = 'damaged' | 'newer-version' | 'disk-full' | 'cannot-open';

export class StorageFileError extends Error {
  constructor(
    readonly problem: StorageProblem,
    readonly file: string,
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'StorageFileError';
  }
}

/** SQLite's error codes, as better-sqlite3 reports them, mapped to what they mean for the user. */
export function classifySqliteError(error: unknown, file: string): StorageFileError | undefined {
  const code = (error as { code?: unknown })?.code;
  if (typeof code !== 'string') return undefined;
  if (code.startsWith('SQLITE_FULL') || code.startsWith('SQLITE_IOERR_WRITE') && /space/i.test(String((error as Error).message))) {
    return new StorageFileError('disk-full', file, 'The disk holding the local data is full. Nothing was changed; free some space and try again.', error);
  }
  if (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB')) {
    return new StorageFileError('damaged', file, `The local data file ${file} is damaged.`, error);
  }
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_PERM')) {
    return new StorageFileError('cannot-open', file, `The local data file ${file} cannot be opened for writing.`, error);
  }
  return undefined;
}

/** Runs `action`; a SQLite failure with a meaning for the user becomes a StorageFileError. */
export function explainSqliteErrors<T>(file: string, action: () => T): T {
  try {
    return action();
  } catch (error) {
    throw classifySqliteError(error, file) ?? error;
  }
}

/** The StorageFileError behind an error, however RxDB wrapped it on its way. */
export function findStorageError(error: unknown): StorageFileError | undefined {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const current = queue.shift();
    if (!current || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    if (current instanceof StorageFileError) return current;
    const { cause, parameters } = current as { cause?: unknown; parameters?: { error?: unknown; errors?: unknown[] } };
    queue.push(cause, parameters?.error, ...(parameters?.errors ?? []));
  }
  return undefined;
}
