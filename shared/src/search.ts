/** A search box's text, as the API reads it: the words it holds, each matched as a word prefix. */
export const MAX_SEARCH_LENGTH = 100;
export const MAX_SEARCH_WORDS = 8;

export type SearchWords = { words: string[] } | { error: string };

export function searchWords(text: string): SearchWords {
  if (text.length > MAX_SEARCH_LENGTH) return { error: `Search for at most ${MAX_SEARCH_LENGTH} characters` };
  const words =
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length > MAX_SEARCH_WORDS) return { error: `Search for at most ${MAX_SEARCH_WORDS} words` };
  return { words };
}
