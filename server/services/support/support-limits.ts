/** A support link must be opened within two minutes of being made, and only once. */
export const SUPPORT_GRANT_SECONDS = 120;
/** A support session ends after one hour at most, whatever the activity. */
export const SUPPORT_SESSION_SECONDS = 3600;
