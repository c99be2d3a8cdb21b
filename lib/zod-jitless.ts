import { z } from 'zod';

/**
 * Zod without its JIT (issue 16). Zod compiles fast parsers with `new Function`, after probing
 * whether `Function('')` is allowed; an extension's policy forbids it, so the probe only raises a
 * policy violation, and web-ext lint flags the eval. Imported first by every entrypoint that
 * bundles Zod (tests/lib/zod-jitless.test.ts checks), because Zod decides when each object schema is
 * made, at module load.
 */
z.config({ jitless: true });
