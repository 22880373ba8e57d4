import { RouterLink } from './links';
import { sentenceParts } from '../lib/format';

/** A server sentence with the objects it names by id linked to their pages and its instants in the console's format. */
export function LinkedSentence({ message }: { message: string }) {
  return <>{sentenceParts(message).map((part, n) => ('link' in part ? <RouterLink key={n} to={part.link}>{part.text}</RouterLink> : part.text))}</>;
}
