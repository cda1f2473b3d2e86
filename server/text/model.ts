// A trained text model as bytes for the database and back: a JSON header (labels, feature options,
// the vocabulary's terms in column order) followed by the IDF, weights and intercepts as float32.
import type { TextModel } from './classifier';

/** Changes whenever features or storage change; a stored model of another format is trained anew. */
export const MODEL_FORMAT = 2;

export function serializeModel(model: TextModel): Buffer {
  const termsInOrder: string[] = new Array(model.vocabulary.idf.length);
  for (const [key, column] of model.vocabulary.index) termsInOrder[column] = key;
  const header = Buffer.from(JSON.stringify({ format: MODEL_FORMAT, labels: model.labels, options: model.vocabulary.options, terms: termsInOrder }), 'utf8');
  const numbers = new Float32Array(model.vocabulary.idf.length + model.weights.length + model.intercepts.length);
  numbers.set(model.vocabulary.idf, 0);
  numbers.set(model.weights, model.vocabulary.idf.length);
  numbers.set(model.intercepts, model.vocabulary.idf.length + model.weights.length);
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length, 0);
  // The numbers start at a multiple of 4 bytes so they can be read in place.
  const padding = Buffer.alloc((4 - ((4 + header.length) % 4)) % 4);
  return Buffer.concat([length, header, padding, Buffer.from(numbers.buffer, numbers.byteOffset, numbers.byteLength)]);
}

/** The model stored by serializeModel, or null when the bytes are of another format. */
export function deserializeModel(bytes: Uint8Array): TextModel | null {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = buffer.readUInt32LE(0);
  const header = JSON.parse(buffer.subarray(4, 4 + headerLength).toString('utf8')) as { format: number; labels: string[]; options: TextModel['vocabulary']['options']; terms: string[] };
  if (header.format !== MODEL_FORMAT) return null;
  const start = 4 + headerLength + ((4 - ((4 + headerLength) % 4)) % 4);
  const copy = new Uint8Array(buffer.subarray(start));
  const numbers = new Float32Array(copy.buffer, copy.byteOffset, copy.byteLength / 4);
  const columns = header.terms.length;
  const labelCount = header.labels.length;
  return {
    labels: header.labels,
    vocabulary: { options: header.options, index: new Map(header.terms.map((key, column) => [key, column])), idf: Float64Array.from(numbers.subarray(0, columns)) },
    weights: Float64Array.from(numbers.subarray(columns, columns + columns * labelCount)),
    intercepts: Float64Array.from(numbers.subarray(columns + columns * labelCount, columns + columns * labelCount + labelCount)),
  };
}
