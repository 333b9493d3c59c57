import packageJson from '../../package.json';

/** The package version, bundled in so the CLI needs no file access to know it. */
export const version: string = packageJson.version;
