/**
 * The `territoires` command as a function of its arguments, so tests run it in-process. Only commander is loaded
 * at start; each command imports what it needs when it runs, so that `territoires --help` starts fast.
 *
 * Exit codes: 0 ok, 1 run failure, 2 bad input or usage.
 */
import { Command, CommanderError, Option } from 'commander';
import { packageVersion } from '../core/paths.js';

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function list(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Runs the command line with `argv` (without the node and script entries); resolves to the exit code. */
export async function cli(argv: string[]): Promise<number> {
  let exitCode = 0;
  const program = new Command();
  program
    .name('territoires')
    .description(
      'Coût, retour sur investissement et carbone sur le cycle de vie des usages numériques des territoires, ' +
        'sous les scénarios ADEME Transition(s) 2050.\n' +
        'Cost, payback and lifecycle carbon of digital use cases for French local authorities.',
    )
    .version(packageVersion(), '-V, --version')
    .showHelpAfterError()
    .exitOverride();

  program
    .command('run')
    .description("évalue un territoire (sans fichier : l'exemple intégré, une ville de 30 000 habitants) / evaluate a territory")
    .argument('[territory]', 'territory file (YAML or JSON)')
    .option('-s, --scenarios <ids>', 'scenario packs, comma-separated (default: TEND,S1,S2,S3,S4)', list)
    .option('-u, --use-cases <ids>', 'use cases, comma-separated (default: all described)', list)
    .option('-o, --out <dir>', 'output folder (default: reports/<territory-id>/)')
    .option('-f, --format <formats>', 'output formats: json,csv (html,md,xlsx with the report generator)', list, ['json', 'csv'])
    .addOption(new Option('--lang <lang>', 'language of reports and messages').choices(['fr', 'en']).default('fr'))
    .addOption(new Option('--carbon-value <path>', 'France Stratégie carbon value path').choices(['2025', '2019']))
    .option('--set <name=value>', 'override a parameter (repeatable), e.g. --set financialDiscountRate=0.04', collect, [])
    .option('--calibration <file>', 'apply a calibrated parameter: the JSON that `territoires calibrate --parameter … --json` prints (repeatable)', collect, [])
    .option('--json', 'print results.json on stdout and nothing else (files are written only with --out)')
    .option('--theme <file>', 'report theme (YAML: organisation, logo, colours, footer), e.g. themes/exemple-bureau-etudes.yaml')
    .option('-n, --draws <n>', 'also propagate uncertainty (Monte Carlo, N draws) and rank it (tornado): adds `uncertainty` to results.json and an uncertainty section to the report')
    .option('--seed <s>', 'Monte Carlo seed, with --draws (default 1): same seed, same numbers, whatever the threads')
    .option('--threads <k>', 'Monte Carlo threads, with --draws: this one and k − 1 workers (default: up to 2)')
    .action(async (territory: string | undefined, opts) => {
      const { runCommand } = await import('./run.js');
      exitCode = await runCommand(territory, opts);
    });

  program
    .command('montecarlo')
    .description('propage les incertitudes (coût et carbone ensemble) / Monte Carlo over a territory')
    .argument('[territory]', 'territory file (default: the built-in example)')
    .option('-n, --draws <n>', 'number of draws', '1000')
    .option('--seed <s>', 'seed: same seed, same numbers, whatever the threads', '1')
    .option('--threads <k>', 'threads: this one and k − 1 workers (default: up to 2)')
    .option('-s, --scenarios <ids>', 'scenario packs, comma-separated', list)
    .option('-u, --use-cases <ids>', 'use cases, comma-separated', list)
    .option('--payback-within <years>', 'N for P(payback ≤ N years)', '10')
    .option('--set <name=value>', 'override a parameter (repeatable); a set value is held fixed', collect, [])
    .option('-o, --out <dir>', 'also write montecarlo.json into this folder')
    .option('--json', 'print the result as JSON on stdout and nothing else')
    .addOption(new Option('--lang <lang>').choices(['fr', 'en']).default('fr'))
    .action(async (territory: string | undefined, opts) => {
      const { monteCarloCommand } = await import('./montecarlo.js');
      exitCode = await monteCarloCommand(territory, opts);
    });

  program
    .command('rollup')
    .description("agrège de nombreuses communes sous les paramètres d'un territoire / roll-up over many communes")
    .argument('<communes>', 'communes file (YAML or JSON): communes: [{ id, name?, inventories: { <use case>: <inventory> }, overrides? }]')
    .option('-t, --territory <file>', "territory whose parameters, subsidies, VAT status and digital pooling apply to every commune (default: the built-in example)")
    .option('--threads <k>', 'threads: this one and k − 1 workers (default: up to 2)')
    .option('-s, --scenarios <ids>', 'scenario packs, comma-separated', list)
    .option('-u, --use-cases <ids>', "use cases, comma-separated (default: the territory's; a commune is evaluated for those it describes)", list)
    .option('--set <name=value>', 'override a parameter for every commune (repeatable)', collect, [])
    .option('-o, --out <dir>', 'also write rollup.json into this folder')
    .option('--json', 'print the result as JSON on stdout and nothing else')
    .addOption(new Option('--lang <lang>').choices(['fr', 'en']).default('fr'))
    .action(async (communes: string, opts) => {
      const { rollUpCommand } = await import('./rollup.js');
      exitCode = await rollUpCommand(communes, opts);
    });

  program
    .command('calibrate')
    .description('cale une ligne de base sur des relevés (IPMVP option C, ASHRAE Guideline 14) / fit a baseline to metered data')
    .argument('<data>', 'CSV or XLSX with dates, consumption and degree days or temperatures')
    .requiredOption('--y <column>', 'consumption column')
    .requiredOption('--x <columns>', 'explanatory column(s), comma-separated (degree days, or temperature for change-point models)', list)
    .addOption(new Option('--model <model>', 'regression model').choices(['linear', '3p-heating', '3p-cooling', '4p', '5p']).default('linear'))
    .option('--date <column>', 'date column (default: the first column that reads as dates)')
    .option('--reporting-from <date>', 'first date of the reporting period: savings are measured from it')
    .option('--parameter <name>', 'model parameter the measured savings calibrate (needs --reporting-from)')
    .addOption(new Option('--quantity <q>', 'what the parameter holds').choices(['savingsFraction', 'consumptionRatio']))
    .option('--confidence <level>', 'confidence level of the savings uncertainty, e.g. 0.9', Number)
    .option('--sheet <name>', 'XLSX sheet')
    .option('--json', 'print the fit as JSON on stdout and nothing else')
    .addOption(new Option('--lang <lang>').choices(['fr', 'en']).default('fr'))
    .action(async (file: string, opts) => {
      const { calibrateCommand } = await import('./calibrate.js');
      exitCode = await calibrateCommand(file, opts);
    });

  program
    .command('sensitivity')
    .description('quelles incertitudes pèsent le plus (tornado, Sobol) / which uncertainties matter most')
    .argument('[territory]', 'territory file (default: the built-in example)')
    .addOption(new Option('--method <method>', 'tornado (one at a time, P10–P90) or sobol (variance shares)').choices(['tornado', 'sobol']).default('tornado'))
    .option('--scenario <id>', 'scenario pack', 'TEND')
    .option('-u, --use-case <id>', 'use case (required for sobol)')
    .option('--variant <id>', 'variant, compared to its status quo (required for sobol)')
    .addOption(new Option('--perspective <p>', 'perspective').choices(['financial', 'socioEconomic']).default('socioEconomic'))
    .addOption(new Option('--metric <m>', 'output').choices(['npvEur', 'netTco2e']).default('npvEur'))
    .option('--n <n>', 'Sobol base sample size (the model runs n × (K + 2) times)', '256')
    .option('--top <k>', 'tornado: rows shown; sobol: quantities screened in', '8')
    .option('--seed <s>', 'seed of the Sobol sample', '1')
    .option('--set <name=value>', 'override a parameter (repeatable)', collect, [])
    .option('--json', 'print the result as JSON on stdout and nothing else')
    .addOption(new Option('--lang <lang>').choices(['fr', 'en']).default('fr'))
    .action(async (territory: string | undefined, opts) => {
      const { sensitivityCommand } = await import('./sensitivity.js');
      exitCode = await sensitivityCommand(territory, opts);
    });

  program
    .command('portfolio')
    .description('portefeuille : MACC, meilleur choix sous budget, mutualisation / portfolio: MACC, budget choice, pooling')
    .argument('[territories...]', 'territory files (default: the built-in example town)')
    .requiredOption('--budget <eur>', 'total investment budget in euros, e.g. 2000000, 2M, 750k')
    .addOption(new Option('--objective <name>', 'what the choice maximises').choices(['npv', 'socioEconomicNpv', 'tco2e']).makeOptionMandatory())
    .option('--scenario <id>', 'scenario of the selection (default TEND)')
    .option('--yearly-cap <eur>', 'cap on investment started each year: one amount, or one per year separated by ;')
    .option('--max-delay <years>', 'latest start year index with yearly caps')
    .option('--json', 'print {macc, selection, pooling?} on stdout and nothing else')
    .addOption(new Option('--lang <lang>').choices(['fr', 'en']).default('fr'))
    .action(async (files: string[], opts) => {
      const { portfolioCommand } = await import('./portfolio.js');
      exitCode = await portfolioCommand(files, opts);
    });

  program
    .command('validate')
    .description("vérifie un fichier (scénario, territoire, paramètres d'un modèle ou communes) / validate a file")
    .argument('<file>', 'scenario pack, territory, reference, model parameters or communes file')
    .option('--json', 'print the result as JSON')
    .addOption(new Option('--lang <lang>').choices(['fr', 'en']).default('fr'))
    .action(async (file: string, opts) => {
      const { validateCommand } = await import('./validate.js');
      exitCode = await validateCommand(file, opts);
    });

  program
    .command('schema')
    .description('JSON Schema des formats de fichier, pour les éditeurs / JSON Schemas of the file formats')
    .addOption(new Option('--format <name>', 'which format').choices(['territory', 'scenario', 'reference', 'parameters', 'communes']).default('territory'))
    .option('-o, --out <dir>', 'write every schema as <name>.schema.json into this folder')
    .action(async (opts) => {
      const { schemaCommand } = await import('./schema.js');
      exitCode = await schemaCommand(opts);
    });

  const scenarios = program.command('scenarios').description('scénarios ADEME Transition(s) 2050 / scenario packs');
  scenarios
    .command('list')
    .description('list the scenario packs')
    .option('--json', 'print as JSON')
    .addOption(new Option('--lang <lang>').choices(['fr', 'en']).default('fr'))
    .action(async (opts) => {
      const { scenariosList } = await import('./scenarios.js');
      exitCode = await scenariosList(opts);
    });
  scenarios
    .command('show')
    .description('show a resolved pack: trajectories by year with their sources')
    .argument('<id>', 'pack id, e.g. S2')
    .option('--json', 'print as JSON')
    .option('--years <years>', 'years to show, comma-separated', list)
    .addOption(new Option('--lang <lang>').choices(['fr', 'en']).default('fr'))
    .action(async (id: string, opts) => {
      const { scenariosShow } = await import('./scenarios.js');
      exitCode = await scenariosShow(id, opts);
    });
  scenarios
    .command('diff')
    .description('what differs between two packs')
    .argument('<a>', 'first pack id')
    .argument('<b>', 'second pack id')
    .option('--json', 'print as JSON')
    .option('--years <years>', 'years to compare, comma-separated', list)
    .addOption(new Option('--lang <lang>').choices(['fr', 'en']).default('fr'))
    .action(async (a: string, b: string, opts) => {
      const { scenariosDiff } = await import('./scenarios.js');
      exitCode = await scenariosDiff(a, b, opts);
    });

  program
    .command('serve')
    .description('page web locale pour saisir un territoire et lire les résultats / local web page')
    .option('-p, --port <port>', 'port to listen on (0: any free port)', (v: string) => Number(v), 8080)
    .option('--host <host>', 'address to listen on (default: loopback only)', '127.0.0.1')
    .addOption(new Option('--lang <lang>', 'language of messages').choices(['fr', 'en']).default('fr'))
    .action(async (opts) => {
      const { serveCommand } = await import('./serve.js');
      exitCode = await serveCommand(opts);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // help and version are not errors; usage errors are bad input (exit 2)
      return error.exitCode === 0 ? 0 : 2;
    }
    const { reportError } = await import('./output.js');
    const langAt = argv.indexOf('--lang');
    const lang = langAt >= 0 && argv[langAt + 1] === 'en' ? 'en' : 'fr';
    return reportError(error, argv.includes('--json'), lang);
  }
}
