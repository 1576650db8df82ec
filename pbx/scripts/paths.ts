// Where the repository's PBX inputs live, found from this file so the scripts work from any cwd.
import { resolve } from 'node:path';

export const REPO_DIR = resolve(import.meta.dirname, '../..');
export const TEMPLATES_DIR = resolve(REPO_DIR, 'pbx/asterisk');
export const DIALPLANS_DIR = resolve(REPO_DIR, 'dialplans');
export const SOUNDS_DIR = resolve(REPO_DIR, 'sounds');
