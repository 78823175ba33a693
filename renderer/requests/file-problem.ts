import type { TFunction } from 'i18next';
import { maximumAttachmentBytes } from '../../shared/cases/case-documents';
import { FileRefused } from './file-transfer';

/** Why a file was not attached, in the officer's language where the reason is known. */
export function fileProblem(t: TFunction, name: string, error: unknown): string {
  if (error instanceof FileRefused) {
    const keys = { 'too-large': 'tooLarge', empty: 'empty', 'not-accepted': 'notAccepted', 'name-mismatch': 'nameMismatch' } as const;
    return t(`requests.fileErrors.${keys[error.code]}`, { name, size: maximumAttachmentBytes / 1048576 });
  }
  return t('requests.fileErrors.failed', { name, message: (error as Error).message });
}
