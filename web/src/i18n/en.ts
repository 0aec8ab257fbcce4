import type { Translation } from './translation';

/** English strings. */
export const en: Translation = {
  common: {
    appName: 'Sanqu',
    appTagline: 'Quzhou common-prosperity services',
    loading: 'Loading…',
    retry: 'Retry',
    logout: 'Log out',
    switchLanguage: '中文',
    switchLanguageLabel: 'Switch to Chinese',
    openMenu: 'Open menu',
    backHome: 'Back to home',
    none: '—',
  },
  menu: {
    resident: 'Me',
    enterprise_agent: 'Enterprise services',
    collective: 'Village collective',
    officer: 'Workbench',
    bank: 'Financial services',
    auditor: 'Audit',
    admin: 'Cockpit',
  },
  roles: {
    resident: 'Resident',
    enterprise_agent: 'Enterprise agent',
    collective: 'Village collective',
    officer: 'Officer',
    bank: 'Bank',
    auditor: 'Auditor',
    admin: 'Administrator',
  },
  departments: {
    city_admin: 'City general office',
    county_admin: 'County general office',
    development_reform: 'Development and reform',
    economy: 'Economy and information technology',
    ecology: 'Ecology and environment',
    market: 'Market regulation',
    agriculture: 'Agriculture and rural affairs',
    civil_affairs: 'Civil affairs',
    services: 'Government services',
    governance: 'Social governance',
  },
  login: {
    title: 'Sign in to Sanqu',
    username: 'Username',
    password: 'Password',
    submit: 'Log in',
    usernameRequired: 'Please enter your username',
    passwordRequired: 'Please enter your password',
    failed: 'Login failed',
    locked: 'Too many attempts',
    retryAfter: 'Please try again in {{seconds}} s.',
    demoTitle: 'Demo accounts',
    demoHint: 'The demo city has these usernames; click one to fill it in:',
  },
  account: {
    title: 'Signed in as',
    displayName: 'Name',
    username: 'Username',
    role: 'Role',
    department: 'Department',
    division: 'Division',
  },
  home: {
    plansTitle: 'What this page will offer',
    startingPoint:
      'This page is the starting point for the role; the functions above arrive with their modules.',
  },
  pages: {
    resident: {
      title: 'Me',
      intro: 'Residents see and manage the public services and personal data that concern them.',
      plans: [
        'Personal carbon account: reductions and points from green travel, waste sorting and other behaviour',
        'Integrity score (信安分): a rewards-only score and the perks it unlocks',
        'Services on the phone: one-visit, proof-free and cross-province applications and their progress',
        'Data access log: who looked up my data, when, and why',
      ],
    },
    enterprise_agent: {
      title: 'Enterprise services',
      intro: 'Enterprise agents handle business services on behalf of their enterprise.',
      plans: [
        'Enterprise carbon account: energy and emissions accounting, carbon-efficiency grade and four-colour label',
        'Zhengqitong (政企通): policies paid without application or on fast application, and payout progress',
        'One file per enterprise: profile and tags',
        'Cross-province services with the alliance cities Huangshan, Nanping and Shangrao',
      ],
    },
    collective: {
      title: 'Village collective',
      intro: 'Village collectives manage the village’s shared resources and local governance.',
      plans: [
        'Two-Mountains Bank (两山银行): deposit, transfer and income of farmhouses, homestead land and forest',
        'Agricultural carbon account: fertiliser, paddy and livestock emissions and forest sinks',
        'Grid governance: report, dispatch, handle, feed back and rate local issues',
      ],
    },
    officer: {
      title: 'Workbench',
      intro: 'Officers handle the cases of their department within their jurisdiction.',
      jurisdiction: 'You act for this department within this division.',
      plans: [
        'Cases to handle: deadlines in statutory working days, reminders and escalation',
        'Data exchange: fetch other departments’ data with a stated purpose and consent, always logged',
        'Policy review: eligibility checks and payouts for business and resident policies',
        'Grid issues: dispatch and follow-up within the jurisdiction',
      ],
    },
    bank: {
      title: 'Financial services',
      intro: 'Banks obtain authorised credit and carbon information to price green finance products.',
      plans: [
        'Carbon credit reports: carbon account and grade, with the enterprise’s authorisation',
        'Green loans: products linked to carbon accounts and their rate discounts',
        'Integrity-score perks: financial conveniences for residents in good standing',
      ],
    },
    auditor: {
      title: 'Audit',
      intro: 'Auditors check the platform’s write log and ledgers, read-only.',
      plans: [
        'Write log: hash-chained entries and integrity verification',
        'Ledger checks: trial balance of points and money postings',
        'Data-exchange log: purpose and consent of every cross-department lookup',
      ],
    },
    admin: {
      title: 'Cockpit',
      intro: 'Administrators see how the city’s services are running.',
      placeholder:
        'The city dashboard comes with its own issue; this page is a placeholder and shows no data yet.',
      plans: ['City dashboard: a city-wide view across all common-prosperity services (built separately)'],
    },
  },
  notFound: {
    title: 'Page not found',
    subtitle: 'The page you asked for does not exist or has moved.',
  },
  forbidden: {
    title: 'Not for your role',
    subtitle: 'This page belongs to another role.',
  },
  errors: {
    network: 'Cannot reach the server; check the connection and try again.',
    unexpected: 'The server gave an unexpected answer (HTTP {{status}}).',
    loadFailed: 'Could not load',
  },
};
