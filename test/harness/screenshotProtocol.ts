/** How the scenes in the extension host ask the browser side for a screenshot: a tagged log line with this prefix and the shot's name. */
export const shotRequest = 'screenshot:';
