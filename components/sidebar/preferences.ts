/** Remembers a collapsed sidebar so the server renders it collapsed too (no flash on load). */
export const SIDEBAR_COOKIE = "sidebar";
export const COLLAPSED = "collapsed";
