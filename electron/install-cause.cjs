// Loaded into electron's install.js (`node --require`). @electron/get 5 downloads with fetch, whose
// errors say only "fetch failed" and keep the reason (ENOTFOUND, ECONNREFUSED, a bad certificate)
// in `cause`; install.js prints err.stack, so every stack formatted here ends with its causes.
// V8 formats a stack when it is first read, by which time `cause` is set.
'use strict';
Error.prepareStackTrace = (error, frames) => {
  let text = String(error) + frames.map((frame) => `\n    at ${frame}`).join('');
  for (let cause = error.cause, depth = 0; cause && depth < 5; cause = cause.cause, depth++) {
    text += `\nCaused by: ${cause instanceof Error ? cause.message : String(cause)}`;
  }
  return text;
};
