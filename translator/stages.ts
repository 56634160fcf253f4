// The pipeline stages whose output `rts translate --dump=STAGE` prints. Apart from the
// driver so that the CLI can parse its options without loading the translator.
export const STAGES = ["flow", "annotate", "rtype", "transform", "jitcode"] as const;
export type Stage = (typeof STAGES)[number];
