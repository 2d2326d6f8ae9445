import { z } from 'zod';

/**
 * A connection uuid as the contract takes it: hexadecimal digits and dashes, as NetworkManager
 * writes them (it refuses anything else, in secondaries too). Loose on the layout on purpose:
 * the uuid names a profile NetworkManager then looks up, and an unknown one is its refusal.
 */
export const uuidSchema = z.string().regex(/^[0-9a-fA-F-]{1,64}$/, 'not a UUID');
