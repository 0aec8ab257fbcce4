import { fileURLToPath } from 'node:url';

/** The project's root folder (this file is src/kernel/paths.ts), so data/ is found wherever the process starts. */
export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

export const dataPath = (...parts: string[]) => [projectRoot.replace(/\/$/, ''), 'data', ...parts].join('/');
