export { synthEvidence, type SynthOptions, type SynthTables } from './synth-evidence.js';
export { SYNTH_FILES, writeSynth } from './write-synth.js';
export { generatePersonRecords, PERSON_RECORD_COLUMNS } from './synth-person-records.js';
export { synthCommands } from './synth.commands.js';
