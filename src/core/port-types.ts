/** The cell value type shared by the core and the workbook port (src/app/port.ts re-exports it). */
export type CellValue = string | number | boolean | Date | null;
