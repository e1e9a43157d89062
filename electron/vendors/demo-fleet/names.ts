/** Word lists for realistic demo people, customers and groups. */
export const FIRST = ['Tara', 'Marco', 'Aiko', 'Liam', 'Sofia', 'Noah', 'Priya', 'Jonas', 'Elena', 'Omar', 'Grace', 'Mateo', 'Hana', 'Lucas', 'Zoe', 'Ravi', 'Nina', 'Felix', 'Chloe', 'Diego', 'Ines', 'Kofi', 'Lena', 'Samir', 'José', 'Björn', 'Amélie', 'Yuki', 'Carmen', 'Tomas'];
export const LAST = ['Jordan', 'Rossi', 'Tanaka', 'Walsh', 'Garcia', 'Nguyen', 'Patel', 'Berg', 'Novak', 'Haddad', 'Okafor', 'Silva', 'Kim', 'Muller', 'Dubois', 'Sharma', 'Larsen', 'Fischer', 'Moreau', 'Lopez', 'Costa', 'Mensah', 'Weber', 'Khan', 'Núñez', 'Lindqvist', 'Lefèvre', 'Sato', 'Ortega', 'Horvat'];
export const COMPANIES = ['northwind', 'contoso', 'fabrikam', 'tailspin', 'wideworld', 'adventure-works', 'litware', 'proseware', 'lucerne', 'margie', 'blueyonder', 'coho', 'alpine', 'fourth-coffee', 'woodgrove', 'treyresearch'];
export const TEAMS = ['it', 'facilities', 'ops', 'fieldservice', 'security', 'finance', 'sales', 'logistics'];
export const BRANDS = ['Fortinet', 'Palo Alto Networks', 'Check Point', 'Cisco'];
export const POLICY_GROUPS = ['Global Policy Group', 'Field Laptops', 'Branch Desktops', 'Executive Devices', 'Kiosk Lockdown'];
