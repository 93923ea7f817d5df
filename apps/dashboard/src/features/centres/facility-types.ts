import type { ApolloCache } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { EQUIPMENT_KINDS, SPACE_KINDS, type EquipmentKind, type LocalisedText, type SpaceKind } from '@mrc/domain';
import type { TFunction } from 'i18next';
import type { LocalisedTextInput } from '../../gql/graphql';
import type { CentreRecordType } from '../auth/permissions';
import type { CentrePageNotice } from './CentreBreadcrumb';
import {
  CloseEquipmentItemMutation,
  CloseSpaceMutation,
  CreateEquipmentItemMutation,
  CreateSpaceMutation,
  EquipmentItemQuery,
  ReopenEquipmentItemMutation,
  ReopenSpaceMutation,
  SpaceQuery,
  UpdateEquipmentItemMutation,
  UpdateSpaceMutation,
} from './centre-documents';
import { forgetCentreList } from './forget-records';

/**
 * What a centre lends, spaces and equipment, differ in their kinds, their texts, what is counted
 * (a space's capacity, an item's quantity) and their API documents; their form page is one
 * (FacilityFormPage.tsx). Each type reads and writes through its own hooks, so the page stays typed
 * without knowing the documents.
 */

/** A space or an equipment item as the form page reads it. */
export interface Facility<Kind extends string> {
  id: string;
  kind: Kind;
  name: string;
  names: LocalisedText;
  /** A space's capacity, or how many of the item the centre has. */
  amount: number;
  closedOn: string | null;
  centreId: string;
}

/** What the form sends to create or change one. */
export interface FacilityInput<Kind extends string> {
  kind: Kind;
  names: LocalisedTextInput;
  amount: number;
}

interface FacilityQueryState<Kind extends string> {
  facility: Facility<Kind> | undefined;
  error: unknown;
  loading: boolean;
  refetch: () => Promise<unknown>;
}

/** The API's writes for one type at one centre. Adding, closing and reopening change the centre's list of them. */
interface FacilityWrites<Kind extends string> {
  /** Resolves with the new one's name (the centre page says it was added). */
  create: (input: FacilityInput<Kind>) => Promise<string | undefined>;
  update: (id: string, input: FacilityInput<Kind>) => Promise<unknown>;
  close: (id: string, closedOn: string) => Promise<unknown>;
  reopen: (id: string) => Promise<unknown>;
}

export interface FacilityType<Kind extends string> {
  /** Its texts (`centre.spaces.*`, `centre.equipment.*`), and the centre's list of it in the API. */
  section: 'spaces' | 'equipment';
  /** What the permission policy calls it. */
  subject: Extract<CentreRecordType, 'Space' | 'Equipment'>;
  /** What the centre page says was added. */
  notice: Extract<CentrePageNotice['added'], 'space' | 'equipment'>;
  kinds: readonly Kind[];
  /** The kind a new one starts with. */
  newKind: Kind;
  kindName: (kind: Kind, t: TFunction) => string;
  /** The API's name for the amount: its input field, and the key of the problems with it. */
  amountField: 'capacity' | 'quantity';
  amountLabel: (t: TFunction) => string;
  amountHint: (t: TFunction) => string;
  useFacility: (id: string) => FacilityQueryState<Kind>;
  useWrites: (centreId: string) => FacilityWrites<Kind>;
}

/** Forgetting the centre's cached list, so the pages showing it ask again (see forget-records.ts). */
function forgetList(centreId: string, section: FacilityType<string>['section']) {
  return { update: (cache: ApolloCache) => forgetCentreList(cache, centreId, section) };
}

export const SPACES: FacilityType<SpaceKind> = {
  section: 'spaces',
  subject: 'Space',
  notice: 'space',
  kinds: SPACE_KINDS,
  newKind: 'COWORKING',
  kindName: (kind, t) => t(`enums.spaceKind.${kind}`),
  amountField: 'capacity',
  amountLabel: (t) => t('centre.spaces.column.capacity'),
  amountHint: (t) => t('centre.spaces.capacityHint'),
  useFacility: (id) => {
    const { data, error, loading, refetch } = useQuery(SpaceQuery, { variables: { id } });
    const space = data?.space;
    return {
      facility: space && { ...space, amount: space.capacity, centreId: space.centre.id },
      error,
      loading,
      refetch,
    };
  },
  useWrites: (centreId) => {
    const [create] = useMutation(CreateSpaceMutation, forgetList(centreId, 'spaces'));
    const [update] = useMutation(UpdateSpaceMutation);
    const [close] = useMutation(CloseSpaceMutation, forgetList(centreId, 'spaces'));
    const [reopen] = useMutation(ReopenSpaceMutation, forgetList(centreId, 'spaces'));
    return {
      create: async ({ kind, names, amount }) => {
        const { data } = await create({ variables: { input: { centreId, kind, names, capacity: amount } } });
        return data?.createSpace.space.name;
      },
      update: (id, { kind, names, amount }) => update({ variables: { input: { id, kind, names, capacity: amount } } }),
      close: (id, closedOn) => close({ variables: { input: { id, closedOn } } }),
      reopen: (id) => reopen({ variables: { input: { id } } }),
    };
  },
};

export const EQUIPMENT: FacilityType<EquipmentKind> = {
  section: 'equipment',
  subject: 'Equipment',
  notice: 'equipment',
  kinds: EQUIPMENT_KINDS,
  newKind: 'CAMERA',
  kindName: (kind, t) => t(`enums.equipmentKind.${kind}`),
  amountField: 'quantity',
  amountLabel: (t) => t('centre.equipment.column.quantity'),
  amountHint: (t) => t('centre.equipment.quantityHint'),
  useFacility: (id) => {
    const { data, error, loading, refetch } = useQuery(EquipmentItemQuery, { variables: { id } });
    const item = data?.equipmentItem;
    return {
      facility: item && { ...item, amount: item.quantity, centreId: item.centre.id },
      error,
      loading,
      refetch,
    };
  },
  useWrites: (centreId) => {
    const [create] = useMutation(CreateEquipmentItemMutation, forgetList(centreId, 'equipment'));
    const [update] = useMutation(UpdateEquipmentItemMutation);
    const [close] = useMutation(CloseEquipmentItemMutation, forgetList(centreId, 'equipment'));
    const [reopen] = useMutation(ReopenEquipmentItemMutation, forgetList(centreId, 'equipment'));
    return {
      create: async ({ kind, names, amount }) => {
        const { data } = await create({ variables: { input: { centreId, kind, names, quantity: amount } } });
        return data?.createEquipmentItem.equipmentItem.name;
      },
      update: (id, { kind, names, amount }) => update({ variables: { input: { id, kind, names, quantity: amount } } }),
      close: (id, closedOn) => close({ variables: { input: { id, closedOn } } }),
      reopen: (id) => reopen({ variables: { input: { id } } }),
    };
  },
};
