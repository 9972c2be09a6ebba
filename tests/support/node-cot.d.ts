// The parts of @tak-ps/node-cot the tests use. The package ships TypeScript sources that do not
// pass this project's strict settings, so the type checker reads this instead (tsconfig paths).
declare module '@tak-ps/node-cot' {
  export default class CoT {
    constructor(cot: { event: Record<string, unknown> });
    to_xml(): string;
  }
}
