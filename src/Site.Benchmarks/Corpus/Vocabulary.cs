namespace Site.Benchmarks.Corpus;

/// <summary>Word lists and sentence templates for news-like prose about an invented country.
/// Places, people and organisations are fictional, so the corpus makes no claims about real ones.</summary>
internal static class Vocabulary
{
    public static readonly string[] FirstNames =
    [
        "Amina", "Boris", "Carla", "Daniyar", "Elena", "Farid", "Greta", "Hamid", "Irina", "Jonas", "Kamila", "Lev",
        "Marta", "Nurlan", "Olga", "Pavel", "Rosa", "Saule", "Timur", "Ulla", "Viktor", "Yasmin", "Zarina", "Aidan",
        "Beatrix", "Cem", "Dana", "Emil", "Fatima", "Gulnara", "Hugo", "Ines", "Jakub", "Karim", "Lina", "Madina",
    ];

    public static readonly string[] LastNames =
    [
        "Abenova", "Brandt", "Castell", "Dzhaksybekov", "Eriksen", "Fontaine", "Galiyev", "Hartmann", "Ibrayeva",
        "Janssen", "Kovacs", "Lindqvist", "Mukanov", "Novak", "Ospanova", "Petrov", "Quintero", "Rahimov",
        "Sadykova", "Tamm", "Urazova", "Varga", "Weller", "Yusupov", "Zhakupova", "Albrecht", "Bekov", "Moreau",
    ];

    public static readonly string[] Roles =
    [
        "the finance minister", "the deputy energy minister", "the regional governor", "a spokeswoman for the ministry",
        "a senior economist at the Central Bank", "the head of the drivers' union", "an opposition member of parliament",
        "the mayor", "a spokesman for the port authority", "the chair of the budget committee", "a researcher at the Policy Institute",
        "the director of the regional hospital", "a lawyer representing the families", "the transport minister",
        "the chief executive of the state grid operator", "a farmer who leads the growers' cooperative",
    ];

    public static readonly string[] Places =
    [
        "Marlow Bay", "Eastbrook", "Karavan", "Port Elsey", "Tessin", "Aral Ridge", "Nova Sarai", "Kelmet", "Ostrava Vale",
        "Zhelezny", "Belmora", "Saryarka", "Lindholm", "Tamsk", "Vorona", "Kyzyl Tau", "Redgate", "Almerin",
    ];

    public static readonly string[] Regions =
    [
        "the northern province", "the coastal districts", "the western oil region", "the capital region", "the southern valleys",
        "the mining belt", "the border districts", "the eastern highlands",
    ];

    public static readonly string[] Organisations =
    [
        "the National Statistics Office", "the Central Bank", "the Ministry of Energy", "the Audit Chamber", "the Port Authority",
        "the Competition Agency", "the Ministry of Health", "the Electoral Commission", "the Policy Institute",
        "the Chamber of Commerce", "the Prosecutor General's Office", "the Water Resources Committee", "the State Grid Operator",
        "the Ministry of Transport", "the Union of Teachers", "the Federation of Farmers",
    ];

    public static readonly string[] Outlets =
    [
        "the Morning Ledger", "Radio Vale", "the Coastal Herald", "state television", "the Evening Standard of Tamsk",
        "the business daily Kapital", "a local news site", "the weekly Observer",
    ];

    public static readonly string[] Topics =
    [
        "fuel prices", "the water tariff", "the pension reform", "grain exports", "the housing programme",
        "public transport subsidies", "the new rail link", "hospital waiting lists", "teacher salaries", "the coastal highway",
        "electricity tariffs", "the minimum wage", "the state budget deficit", "mortgage rates", "the fishing quota",
        "the new mining code", "heating costs", "the bridge repair programme", "school meal funding", "the airport expansion",
    ];

    public static readonly string[] Groups =
    [
        "pensioners", "small business owners", "taxi drivers", "farmers", "oil workers", "students", "nurses",
        "young families", "fishermen", "shop owners", "commuters", "teachers", "miners", "tenants",
    ];

    public static readonly string[] PastChanges =
    [
        "rose", "fell", "climbed", "dropped", "nearly doubled", "edged up", "slipped", "jumped", "declined",
    ];

    public static readonly string[] PastParticiples =
    [
        "risen", "fallen", "climbed", "dropped", "nearly doubled", "edged up", "slipped", "jumped", "declined",
    ];

    public static readonly string[] FutureChanges =
    [
        "rise", "fall", "increase", "decrease", "stabilise", "grow", "shrink",
    ];

    public static readonly string[] Months =
    [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ];

    public static readonly string[] Weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    public static readonly string[] Seasons = ["spring", "summer", "autumn", "winter"];

    public static readonly string[] Spans = ["two years", "three months", "six months", "the coming winter", "the next decade", "18 months"];

    public static readonly string[] Quotes =
    [
        "We have listened to people, and we will act before the winter",
        "Nobody expected the costs to rise this quickly",
        "The numbers speak for themselves, and they are not good",
        "This is not the end of the process, it is the beginning",
        "We were promised consultation and got a press release instead",
        "Families cannot plan when the rules change every month",
        "The money is there; the problem is how it is spent",
        "We will publish every contract so that people can judge for themselves",
        "Our members have been patient for long enough",
        "It is too early to say whether the measures have worked",
    ];

    public static readonly string[] Projects =
    [
        "new water mains", "a second runway", "the modernisation of the grid", "regional clinics", "low-cost housing",
        "a ring road", "school repairs", "flood defences", "the new ferry terminal", "rural broadband",
    ];

    public static readonly string[] Problems =
    [
        "power cuts during the winter months", "the state of the roads", "rising rents", "irregular water supply",
        "long waits for hospital appointments", "the closure of rural schools", "delays in paying wages", "air pollution from the smelter",
    ];

    public static readonly string[] Findings =
    [
        "fewer than half of the promised projects had been completed", "the cost of the programme had been underestimated by a third",
        "most of the subsidies went to a handful of large companies", "household incomes had not kept pace with prices",
        "the tender rules had been applied inconsistently", "waiting times had fallen in the capital but not elsewhere",
        "the official figures left out seasonal workers", "maintenance spending had been cut for five years in a row",
    ];

    public static readonly string[] Reasons =
    [
        "weeks of protests", "a critical report by the Audit Chamber", "a sharp fall in revenue", "pressure from the regions",
        "a court ruling in the spring", "complaints from consumer groups", "a dispute over the budget", "an accident at the plant",
    ];

    public static readonly string[] PolicyActions =
    [
        "cap the price for six months", "delay the reform by a year", "raise the tariff in two stages", "cancel the tender",
        "open an investigation", "freeze new permits", "double the subsidy", "publish the full contract",
    ];

    public static readonly string[] Adjectives =
    [
        "long-running", "heated", "bitter", "technical", "costly", "unexpected", "slow-moving", "increasingly public",
    ];

    public static readonly string[] States = ["volatile", "high", "under pressure", "uncertain", "flat", "a political issue"];

    public static readonly string[] Events =
    [
        "the floods", "the strike", "the price rise", "the blackout", "the closure of the plant", "the storm", "the fuel shortage",
    ];

    public static readonly string[] Demands =
    [
        "a return to the old prices", "the resignation of the governor", "higher wages", "an independent inquiry",
        "compensation for lost income", "a public hearing",
    ];

    public static readonly string[] Complaints =
    [
        "say they were never consulted", "spend a growing share of their income on heating", "have waited months for payments",
        "travel further for basic services", "face higher costs than a year ago",
    ];

    public static readonly string[] Dismissals =
    [
        "a distortion of the facts", "politically motivated", "premature", "based on outdated figures", "simply wrong",
    ];

    public static readonly string[] PeopleNouns = ["households", "residents", "businesses", "workers", "families", "patients"];

    public static readonly string[] Documents =
    [
        "annual report", "quarterly bulletin", "audit", "statistical yearbook", "press release", "parliamentary answer",
        "court filing", "tender notice",
    ];

    public static readonly string[] Verdicts =
    [
        "Figures differ", "Disputed", "Confirmed", "Official figure", "Partly accurate", "Unsupported", "Misleading",
    ];

    public static readonly (string Term, string Definition)[] Terms =
    [
        ("tariff", "the regulated price a utility may charge per unit it supplies"),
        ("budget deficit", "the amount by which public spending exceeds revenue in a year"),
        ("tender", "a competitive call for bids for a public contract"),
        ("quota", "the maximum quantity that may be caught, produced or exported in a period"),
        ("subsidy", "a payment by the state that lowers the price paid by consumers or producers"),
        ("inflation", "the rate at which the general level of consumer prices rises"),
        ("concession", "a contract that lets a private company run a public asset for a fixed term"),
        ("base rate", "the interest rate the central bank charges commercial banks"),
        ("by-election", "an election held to fill a single vacant seat"),
        ("arrears", "payments that are overdue"),
    ];

    public static readonly string[] Tags =
    [
        "Economy", "Energy", "Transport", "Health", "Education", "Elections", "Housing", "Agriculture", "Courts",
        "Environment", "Labour", "Budget", "Water", "Trade", "Media", "Security", "Local government", "Pensions",
        "Tourism", "Fisheries", "Technology", "Migration", "Culture", "Science",
    ];

    public static readonly string[] Authors =
    [
        "Marta Lindqvist", "Daniyar Mukanov", "Elena Fontaine", "Karim Rahimov", "Saule Ibrayeva", "Jonas Weller",
        "Rosa Quintero", "Timur Bekov", "Ines Moreau", "Viktor Tamm", "Gulnara Sadykova", "Hugo Albrecht",
    ];

    public static readonly string[] Publishers =
    [
        "National Statistics Office", "Central Bank", "Audit Chamber", "Morning Ledger", "Coastal Herald", "Radio Vale",
        "Policy Institute", "Kapital", "Ministry of Energy", "Electoral Commission", "Weekly Observer", "Chamber of Commerce",
    ];

    public static readonly string[] Domains =
    [
        "stat.example.gov", "centralbank.example.gov", "audit.example.gov", "ledger.example.com", "coastalherald.example.com",
        "radiovale.example.net", "policyinstitute.example.org", "kapital.example.com", "energy.example.gov",
        "elections.example.gov", "observer.example.com", "chamber.example.org",
    ];

    public static readonly string[] Headings =
    [
        "What the figures show", "A long-running dispute", "Reaction in the regions", "What happens next", "The cost",
        "Questions for the regulator", "Who pays", "The official account", "Behind the numbers", "A promise revisited",
        "Voices from the street", "The legal question",
    ];

    /// <summary>Body sentences; a slot is {name}. Sentences whose text may be a phrase annotation avoid quotation marks.</summary>
    public static readonly string[] Sentences =
    [
        "{name}, {role}, said on {weekday} that {topic} would {future} by {percent} over {span}.",
        "The figures, published by {org} in {month}, show that {topic} {past} by {percent} compared with the same period a year earlier.",
        "In {place}, several hundred {group} gathered outside the offices of {org}, demanding {demand}.",
        "Critics argue that the changes to {topic} have done little to help {group}, who {complaint}.",
        "According to {org}, about {number} {people} in {place} were affected by {event}.",
        "The government has promised to spend {money} on {project} by {year}, although the timetable has already slipped twice.",
        "{org} did not respond to a request for comment on {weekday}.",
        "Local officials said the decision to {policy} was taken after {reason}.",
        "Residents of {place} have complained for years about {problem}.",
        "A report by {org} last {season} found that {finding}.",
        "The {adj} debate over {topic} is expected to dominate the next session of parliament.",
        "Since {year}, the share of {people} in {region} spending more than a fifth of their income on {topic} has {pastp} from {percent} to {percent2}.",
        "{name} rejected that account, calling it {dismissal}.",
        "Analysts at {org} expect {topic} to remain {state} until at least {year}.",
        "The ministry said the measures would cost {money} this year and would be reviewed in {month}.",
        "Opposition deputies called for {org} to publish the full calculations behind the decision.",
        "In a statement, {org} said it had acted within its powers and would cooperate with any inquiry.",
        "Prices in {place} were already higher than the national average before {event}.",
        "The dispute has revived older questions about how decisions on {topic} are made and who benefits from them.",
        "{group} interviewed in {place} said they had noticed the change within days.",
        "The same pattern was visible in {region}, where {number} {people} reported similar problems.",
        "Officials have so far declined to say how many contracts were signed without a tender.",
        "The regulator has {days} days to respond to the complaint under the law adopted in {year}.",
        "A spokesperson for {org} said the numbers quoted by the protesters were out of date.",
        "The plan was first announced in {month} {year} as part of a wider package on {topic}.",
        "Economists note that the row over {topic} is only one of several pressures on household budgets this year.",
        "{name} said the government would not reverse its decision but would consider targeted help for {group}.",
        "Traffic on the main road to {place} was blocked for several hours on {weekday}.",
        "The court is expected to rule on the case before the end of {month}.",
        "By the evening, the governor had agreed to meet a delegation of {group} from {place}.",
        "Figures from {org} suggest the effect on inflation will be modest, at around {small} percentage points.",
        "Several regional newspapers, including {outlet}, carried the story on their front pages.",
        "The union said its members in {place} would stop work for two hours on {weekday} in protest.",
        "Parliament approved the amendments by {votes} votes to {votes2}, with several abstentions.",
        "It was the third change to {topic} in less than two years.",
        "The authorities in {place} said emergency crews had restored supplies to most districts by midnight.",
        "Independent monitors said they had not been allowed to observe the count in {place}.",
        "The committee will hold public hearings in {place} and {place2} next month.",
    ];

    /// <summary>Sentences with a direct quotation; never used for phrase annotations.</summary>
    public static readonly string[] QuoteSentences =
    [
        "“{quote},” {name} told {outlet} on {weekday}.",
        "“{quote},” said {name}, {role}.",
        "{name} put it more bluntly: “{quote}.”",
    ];

    public static readonly string[] Headlines =
    [
        "{Place} protests grow after {topic} {past} again",
        "{Org} report questions the cost of {project}",
        "Government to {policy} after {reason}",
        "{Groups} in {place} count the cost of {event}",
        "Parliament clashes over {topic}",
        "{Last}: “{quote}”",
        "Inquiry opens into {topic} in {place}",
        "What the new rules on {topic} mean for {group}",
    ];

    public static readonly string[] NoteSentences =
    [
        "{org} publishes these figures every quarter; the {month} {year} edition was the first to include {region}.",
        "The figure refers to the whole of {region}, not only to {place}.",
        "The {document} cited here was released on {day} {month} {year} and is available from {org}.",
        "Earlier estimates by {org} were about {percent} lower, because they excluded {people} outside the cities.",
        "{name} made a similar statement in {month} {year}, when the first measures were announced.",
        "The decision was published in the official gazette on {day} {month} {year}.",
        "The law sets a ceiling, but local authorities may apply lower rates in {region}.",
        "The comparison uses prices adjusted for inflation, in {year} terms.",
        "The regional office of {org} in {place} gave a slightly different number in its own {document}.",
        "No independent audit of the programme has been published so far.",
        "Both figures come from official sources but measure different things: one counts {people}, the other contracts.",
    ];
}
