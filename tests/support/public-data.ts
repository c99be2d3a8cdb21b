import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRegister } from '@/lib/councils/register';
import { CouncilsFileSchema, ServicesFileSchema } from '@/lib/councils/schema';
import { REPO_ROOT } from '@/lib/dataset/read-inputs';

/** The committed datasets (public/data), parsed as the extension parses them, for tests that need the real register. */
const read = (name: string): unknown => JSON.parse(readFileSync(path.join(REPO_ROOT, 'public/data', name), 'utf8'));

export const councilsFile = CouncilsFileSchema.parse(read('councils.json'));
export const register = createRegister(councilsFile);
export const services = ServicesFileSchema.parse(read('services.json'));
