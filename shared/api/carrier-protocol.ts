// The envelopes the generic carrier moves between renderer and host, over IPC or WebSocket.
import { z } from 'zod';
import { apiErrorSchema } from './workstation-api';

/** Largest message the host accepts, in bytes of JSON. */
export const maxMessageBytes = 256 * 1024;

const requestId = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const carrierRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('call'), id: requestId, method: z.string().max(100), input: z.unknown() }).strict(),
  z.object({ kind: z.literal('subscribe'), id: requestId, stream: z.string().max(100), input: z.unknown() }).strict(),
  z.object({ kind: z.literal('unsubscribe'), id: requestId }).strict(),
]);
export type CarrierRequest = z.infer<typeof carrierRequestSchema>;

export const carrierResponseSchema = z.union([
  z.object({ kind: z.literal('result'), id: requestId.nullable(), ok: z.literal(true), output: z.unknown() }),
  z.object({ kind: z.literal('result'), id: requestId.nullable(), ok: z.literal(false), error: apiErrorSchema }),
  z.object({ kind: z.literal('event'), id: requestId, payload: z.unknown() }),
]);
export type CarrierResponse = z.infer<typeof carrierResponseSchema>;
