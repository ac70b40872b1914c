import { graphql } from './generated';

/**
 * A name or title in the three UI languages; spread it wherever the API answers a
 * `LocalizedText` (`names { ...LocalizedTextFields }`) and show it with `name()` of useI18n.
 */
export const LocalizedTextFields = graphql(`
  fragment LocalizedTextFields on LocalizedText {
    fi
    sv
    en
  }
`);
