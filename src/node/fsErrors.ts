/** Why a file could not be written, in Russian (the system's English text means nothing to a curator). */
export function writeFailure(code: string | undefined): string {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return 'нет доступа к папке';
    case 'ENOENT':
      return 'нет такой папки';
    case 'EISDIR':
      return 'на этом месте папка с тем же именем';
    case 'EEXIST':
    case 'ENOTDIR':
      return 'часть пути — это файл, а не папка';
    case 'EBUSY':
      return 'файл открыт в другой программе — закройте его';
    case 'ENOSPC':
      return 'нет места на диске';
    default:
      return `ошибка записи${code ? ` (${code})` : ''}`;
  }
}
