// Imported first by the command line, before any module creates its logger. A command prints its
// own errors, so logs stay off unless SYNAPSE_LOG_LEVEL sets a level.
process.env.SYNAPSE_LOG_LEVEL ??= 'silent';
