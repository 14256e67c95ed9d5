import { z } from 'zod';

/**
 * One IPC channel: its name on the wire and the schemas of its input and output. The preload API,
 * the handler table and the renderer's types are all derived from these definitions.
 */
export interface ChannelDefinition<
  Input extends z.ZodType = z.ZodType,
  Output extends z.ZodType = z.ZodType,
> {
  readonly name: string;
  readonly input: Input;
  readonly output: Output;
}

export function channel<Input extends z.ZodType, Output extends z.ZodType>(
  name: string,
  input: Input,
  output: Output,
): ChannelDefinition<Input, Output> {
  return { name, input, output };
}

/** Input of a channel that takes no argument; the renderer calls it with none. */
export const noInput = z.undefined();

/** A record id as SQLite assigns it. */
export const idSchema = z.number().int().positive();

export const byIdSchema = z.object({ id: idSchema }).strict();

/**
 * A job id the renderer picks for a long-running call, so it can match progress events and
 * cancel the job before the call returns.
 */
export const jobIdSchema = z.uuid({ message: 'job id must be a UUID' });

/**
 * Turns an object schema into a patch schema: every field optional and without its default, and
 * unknown keys rejected. zod's own .partial() keeps defaults, so a patch built with it would
 * silently reset every field the caller left out.
 */
export function patchOf<Shape extends z.ZodRawShape>(schema: z.ZodObject<Shape>) {
  const patchShape: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(schema.shape) as [string, z.ZodType][]) {
    const inner = field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : field;
    patchShape[key] = inner.optional();
  }
  return z.strictObject(patchShape) as unknown as z.ZodType<
    Partial<z.input<z.ZodObject<Shape>>>,
    Partial<z.input<z.ZodObject<Shape>>>
  >;
}

/**
 * True when A is assignable to B. Used at type level to check that an output schema produces
 * the domain interface it stands for: `type _Check = Assert<Extends<z.output<S>, Domain>>`.
 */
export type Extends<A, B> = [A] extends [B] ? true : false;

/** Fails type checking unless T is true. */
export type Assert<T extends true> = T;
