import { graphql } from '../../gql';

/** Programs are a short list (a dozen or so): one page of the API's largest size shows them all. */
export const PROGRAMS_PAGE_SIZE = 100;

export const ProgramsQuery = graphql(`
  query Programs($first: Int!, $filter: ProgramFilter) {
    programs(first: $first, filter: $filter) {
      totalCount
      nodes {
        id
        name
        kind
        minAge
        maxAge
        minEducation
        ruralOnly
        anonymous
        durationWeeks
        closedOn
      }
    }
  }
`);

/**
 * Everything the program page shows and its edit form fills in. Localised texts are asked for in all
 * three languages at once, so the cache never holds a partial one.
 */
export const ProgramDetailFields = graphql(`
  fragment ProgramDetailFields on Program {
    id
    code
    kind
    name
    description
    closedOn
    minAge
    maxAge
    ageExceptionReason
    minEducation
    ruralOnly
    anonymous
    durationWeeks
    names {
      kk
      ru
      en
    }
    descriptions {
      kk
      ru
      en
    }
    ageExceptionReasons {
      kk
      ru
      en
    }
    partners {
      name
      names {
        kk
        ru
        en
      }
    }
    mentors {
      fullName
      expertise
      expertises {
        kk
        ru
        en
      }
    }
  }
`);

export const ProgramRunFields = graphql(`
  fragment ProgramRunFields on ProgramRun {
    id
    startsOn
    endsOn
    closedOn
    status
    centre {
      id
      name
    }
  }
`);

/** The program with all its runs, cancelled ones too: the page offers to reopen them. */
export const ProgramQuery = graphql(`
  query Program($id: ID!) {
    program(id: $id) {
      ...ProgramDetailFields
      runs(includeCancelled: true) {
        ...ProgramRunFields
      }
    }
  }
`);

export const CreateProgramMutation = graphql(`
  mutation CreateProgram($input: CreateProgramInput!) {
    createProgram(input: $input) {
      program {
        ...ProgramDetailFields
      }
    }
  }
`);

export const UpdateProgramMutation = graphql(`
  mutation UpdateProgram($input: UpdateProgramInput!) {
    updateProgram(input: $input) {
      program {
        ...ProgramDetailFields
      }
    }
  }
`);

export const CloseProgramMutation = graphql(`
  mutation CloseProgram($input: CloseRecordInput!) {
    closeProgram(input: $input) {
      program {
        ...ProgramDetailFields
      }
    }
  }
`);

export const ReopenProgramMutation = graphql(`
  mutation ReopenProgram($input: ReopenRecordInput!) {
    reopenProgram(input: $input) {
      program {
        ...ProgramDetailFields
      }
    }
  }
`);

/** A new run; the answer carries the program's runs again, so its page shows the new one at once. */
export const CreateProgramRunMutation = graphql(`
  mutation CreateProgramRun($input: CreateProgramRunInput!) {
    createProgramRun(input: $input) {
      programRun {
        ...ProgramRunFields
        program {
          id
          runs(includeCancelled: true) {
            ...ProgramRunFields
          }
        }
      }
    }
  }
`);

export const CloseProgramRunMutation = graphql(`
  mutation CloseProgramRun($input: CloseRecordInput!) {
    closeProgramRun(input: $input) {
      programRun {
        ...ProgramRunFields
      }
    }
  }
`);

export const ReopenProgramRunMutation = graphql(`
  mutation ReopenProgramRun($input: ReopenRecordInput!) {
    reopenProgramRun(input: $input) {
      programRun {
        ...ProgramRunFields
      }
    }
  }
`);
