/**
 * `exceljs` in the browser bundle: workbooks are read by the server (uploads) and written by it (downloads), never
 * in the page, so the bundle leaves the library out.
 */
class Workbook {
  constructor() {
    throw new Error('exceljs: workbooks are read and written by the server, not in the browser');
  }
}

export default { Workbook };
