// Imported first by the command line, before any module creates its logger. A command prints its
// own errors, so logs stay off unless SYNAPSE_LOG_LEVEL asks for them.
process.env.SYNAPSE_LOG_LEVEL ??= 'silent';
