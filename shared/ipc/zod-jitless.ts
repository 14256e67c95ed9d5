// Imported first by code that runs under the renderer's Content Security Policy. zod compiles
// object parsers with new Function, and zod 4.6 probes for eval when each object schema is
// constructed, so the switch must run before any module that defines a schema.
import { z } from 'zod';

z.config({ jitless: true });
