// Informing residents (§6.2): where a publication goes out and what becomes of it.

export const PUBLICATION_CHANNELS = ['website', 'vk', 'telegram', 'ok', 'max', 'newspaper', 'tv', 'radio', 'other'] as const;
export type PublicationChannel = (typeof PUBLICATION_CHANNELS)[number];

export const PUBLICATION_STATUSES = ['planned', 'published', 'cancelled'] as const;
export type PublicationStatus = (typeof PUBLICATION_STATUSES)[number];
