import { graphql } from '../../gql';

export const CentreDetailFields = graphql(`
  fragment CentreDetailFields on Centre {
    id
    code
    kind
    name
    names {
      kk
      ru
      en
    }
    town
    towns {
      kk
      ru
      en
    }
    latitude
    longitude
    openedOn
    closedOn
    phone
    email
    address
    addresses {
      kk
      ru
      en
    }
    parent {
      id
      name
    }
    children {
      id
      name
      kind
      closedOn
    }
  }
`);

export const CentreSpaceFields = graphql(`
  fragment CentreSpaceFields on Space {
    id
    kind
    name
    names {
      kk
      ru
      en
    }
    capacity
    closedOn
    centre {
      id
    }
  }
`);

export const CentreEquipmentFields = graphql(`
  fragment CentreEquipmentFields on EquipmentItem {
    id
    kind
    name
    names {
      kk
      ru
      en
    }
    quantity
    closedOn
    centre {
      id
    }
  }
`);

export const CentreClubFields = graphql(`
  fragment CentreClubFields on Club {
    id
    status
    leaderName
    schedule
    schedules {
      kk
      ru
      en
    }
    startedOn
    closedOn
    type {
      id
      name
    }
    centre {
      id
    }
  }
`);

export const CentreProgramRunFields = graphql(`
  fragment CentreProgramRunFields on ProgramRun {
    id
    startsOn
    endsOn
    closedOn
    status
    program {
      id
      name
    }
  }
`);

/**
 * Everything the centre page shows, closed and cancelled records included (they are marked, and can
 * be reopened from their forms). The API batches the nested lists, so this is one round trip.
 */
export const CentrePageQuery = graphql(`
  query CentrePage($id: ID!) {
    centre(id: $id) {
      ...CentreDetailFields
      spaces(includeClosed: true) {
        ...CentreSpaceFields
      }
      equipment(includeClosed: true) {
        ...CentreEquipmentFields
      }
      clubs(includeClosed: true) {
        ...CentreClubFields
      }
      programRuns(includeCancelled: true) {
        ...CentreProgramRunFields
      }
    }
  }
`);

/** The centre alone, for its edit form (a cache hit when the centre page was open). */
export const CentreEditQuery = graphql(`
  query CentreEdit($id: ID!) {
    centre(id: $id) {
      ...CentreDetailFields
    }
  }
`);

export const UpdateCentreMutation = graphql(`
  mutation UpdateCentre($input: UpdateCentreInput!) {
    updateCentre(input: $input) {
      centre {
        ...CentreDetailFields
      }
    }
  }
`);

export const CloseCentreMutation = graphql(`
  mutation CloseCentre($input: CloseRecordInput!) {
    closeCentre(input: $input) {
      centre {
        ...CentreDetailFields
      }
    }
  }
`);

export const ReopenCentreMutation = graphql(`
  mutation ReopenCentre($input: ReopenRecordInput!) {
    reopenCentre(input: $input) {
      centre {
        ...CentreDetailFields
      }
    }
  }
`);

/** The name of the centre a form belongs to, for its heading and breadcrumb. */
export const CentreNameQuery = graphql(`
  query CentreName($id: ID!) {
    centre(id: $id) {
      id
      name
      closedOn
    }
  }
`);

export const SpaceQuery = graphql(`
  query CentreSpace($id: ID!) {
    space(id: $id) {
      ...CentreSpaceFields
    }
  }
`);

export const CreateSpaceMutation = graphql(`
  mutation CreateSpace($input: CreateSpaceInput!) {
    createSpace(input: $input) {
      space {
        ...CentreSpaceFields
      }
    }
  }
`);

export const UpdateSpaceMutation = graphql(`
  mutation UpdateSpace($input: UpdateSpaceInput!) {
    updateSpace(input: $input) {
      space {
        ...CentreSpaceFields
      }
    }
  }
`);

export const CloseSpaceMutation = graphql(`
  mutation CloseSpace($input: CloseRecordInput!) {
    closeSpace(input: $input) {
      space {
        ...CentreSpaceFields
      }
    }
  }
`);

export const ReopenSpaceMutation = graphql(`
  mutation ReopenSpace($input: ReopenRecordInput!) {
    reopenSpace(input: $input) {
      space {
        ...CentreSpaceFields
      }
    }
  }
`);

export const EquipmentItemQuery = graphql(`
  query CentreEquipmentItem($id: ID!) {
    equipmentItem(id: $id) {
      ...CentreEquipmentFields
    }
  }
`);

export const CreateEquipmentItemMutation = graphql(`
  mutation CreateEquipmentItem($input: CreateEquipmentItemInput!) {
    createEquipmentItem(input: $input) {
      equipmentItem {
        ...CentreEquipmentFields
      }
    }
  }
`);

export const UpdateEquipmentItemMutation = graphql(`
  mutation UpdateEquipmentItem($input: UpdateEquipmentItemInput!) {
    updateEquipmentItem(input: $input) {
      equipmentItem {
        ...CentreEquipmentFields
      }
    }
  }
`);

export const CloseEquipmentItemMutation = graphql(`
  mutation CloseEquipmentItem($input: CloseRecordInput!) {
    closeEquipmentItem(input: $input) {
      equipmentItem {
        ...CentreEquipmentFields
      }
    }
  }
`);

export const ReopenEquipmentItemMutation = graphql(`
  mutation ReopenEquipmentItem($input: ReopenRecordInput!) {
    reopenEquipmentItem(input: $input) {
      equipmentItem {
        ...CentreEquipmentFields
      }
    }
  }
`);

export const CreateCentreMutation = graphql(`
  mutation CreateCentre($input: CreateCentreInput!) {
    createCentre(input: $input) {
      centre {
        ...CentreDetailFields
      }
    }
  }
`);
