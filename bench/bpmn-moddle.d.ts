// bpmn-moddle ships no types; the benchmark only parses BPMN XML once to hand bpmn-engine a parsed context.
declare module 'bpmn-moddle' {
  export default class BpmnModdle {
    fromXML(xml: string): Promise<unknown>;
  }
}
