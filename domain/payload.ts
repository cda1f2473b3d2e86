// What a lifecycle step accepts besides its name: its fields as data, shared by the server (which derives
// the request schemas and OpenAPI from them) and the web.

export type PayloadFieldType = 'text' | 'url' | 'datetime' | 'enum';

export interface PayloadField {
  type: PayloadFieldType;
  /** The step refuses to go without it (checked by the step, with the field's own message). */
  required: boolean;
  /** For text: the least and the most characters. */
  min?: number;
  max?: number;
  /** For enum: the allowed values. */
  values?: readonly string[];
  /** What the field holds, in Russian. */
  description?: string;
}

export type PayloadSpec = Readonly<Record<string, PayloadField>>;
