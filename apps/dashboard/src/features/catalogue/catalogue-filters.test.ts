import { describe, expect, it } from 'vitest';
import { catalogueSearchFilter, filterOrNothing, readCatalogueSearch, writeCatalogueSearch } from './catalogue-filters';

describe('the catalogue lists filters', () => {
  it('round-trip through the URL and become the API filter', () => {
    const state = readCatalogueSearch(new URLSearchParams('q=%20dombra%20&retired=1'));
    expect(state).toEqual({ q: ' dombra ', retired: true });
    expect(catalogueSearchFilter(state)).toEqual({ search: 'dombra', includeClosed: true });
    expect(writeCatalogueSearch(state).toString()).toBe('q=dombra&retired=1');
  });

  it('filter nothing when empty, and read anything but 1 as "current only"', () => {
    const state = readCatalogueSearch(new URLSearchParams('retired=yes&q=%20'));
    expect(state).toEqual({ q: ' ', retired: false });
    expect(filterOrNothing(catalogueSearchFilter(state))).toBeUndefined();
    expect(writeCatalogueSearch(state).toString()).toBe('');
  });
});
