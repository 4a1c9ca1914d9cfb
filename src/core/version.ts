/**
 * The toolkit's version, recorded in every run manifest. Kept in code (not read from package.json at run time)
 * so the engine runs where there is no file system, e.g. in the browser; a test keeps it equal to package.json.
 */
export const VERSION = '0.1.0';
