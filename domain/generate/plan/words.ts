/** English plurals and singulars of snake_case names, by real English rules (the `pluralize` library). */
import pluralize from 'pluralize';

/** Splits `order_history_entry` into `order_history_` and `entry`: only the last word changes number. */
function lastWord(snake: string): [string, string] {
  const trimmed = snake.replace(/_+$/, '');
  const at = trimmed.lastIndexOf('_');
  return at < 0 ? ['', trimmed] : [trimmed.slice(0, at + 1), trimmed.slice(at + 1)];
}

/**
 * The plural of a snake_case name: `customer_address_history_entry` → `customer_address_history_entries`,
 * `person` → `people`. A word whose plural is itself (`news`, `equipment`) gets `_list`, so a
 * list never has the name of one item.
 */
export function pluralOf(snake: string): string {
  const [head, word] = lastWord(snake);
  if (word === '' || /^[0-9]+$/.test(word)) return `${snake.replace(/_+$/, '')}_list`;
  const plural = pluralize.plural(word).toLowerCase();
  return plural === word || !/^[a-z0-9]+$/.test(plural) ? `${head}${word}_list` : `${head}${plural}`;
}

/** The singular of a snake_case name: `members` → `member`, `order_histories` → `order_history`. */
export function singularOf(snake: string): string {
  const [head, word] = lastWord(snake);
  if (word === '') return snake;
  const singular = pluralize.singular(word).toLowerCase();
  return /^[a-z0-9]+$/.test(singular) ? `${head}${singular}` : `${head}${word}`;
}
