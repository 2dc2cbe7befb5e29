/**
 * "AI at NXP" (#/nxp): the portfolio from the device catalog with each part's engines, and the eIQ
 * toolkit flow whose boxes lead to the labs teaching each step; generative AI has its own page.
 */
import { EiqFlow } from './EiqFlow';
import { Portfolio } from './Portfolio';
import './nxp.css';


export default function NxpPage() {
  return (
    <div className="nxp-page">
      <p className="lead">
        NXP ships AI from a $6 microcontroller to a six-core Linux processor with a 2 TOPS NPU, and one toolkit, eIQ, takes a model to any of
        them. Each box in the flow below opens the lab that teaches that step.
      </p>
      <section aria-labelledby="nxp-flow">
        <h2 id="nxp-flow">The eIQ toolkit flow</h2>
        <EiqFlow />
      </section>
      <section aria-labelledby="nxp-portfolio">
        <h2 id="nxp-portfolio">The portfolio and its compute engines</h2>
        <Portfolio />
      </section>
      <section aria-labelledby="nxp-genai">
        <h2 id="nxp-genai">Generative AI at the edge</h2>
        <p>
          Can a language model run on an i.MX 95, or an i.MX 93? The <a href="#/genai">Generative AI at the edge</a> page estimates memory and
          tokens per second for models from 0.1 to 8 billion parameters.
        </p>
      </section>
    </div>
  );
}
