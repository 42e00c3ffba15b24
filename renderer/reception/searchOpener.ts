import { openers } from '../search/openers';
import { receptionHash } from './route';

/** Entry numbers (JD…) found by the counter search (F2) open the entry, from any desk. */
openers['reception'] = (hit) => {
  window.location.hash = receptionHash.entry(hit.id);
};
