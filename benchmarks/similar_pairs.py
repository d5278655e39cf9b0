"""Pairs of claim texts for measuring similar-claim suggestions (written for this benchmark):
paraphrases — the same claim reworded, reordered, trimmed or re-attributed, which the desk wants
suggested — and non-paraphrases — claims on the same subject, with the same names or figures,
that say something else, which it does not."""

PARAPHRASES = [
    (
        "Violence has killed more than 450,000 people in Mexico since 2006.",
        "More than 450,000 people have been killed by violence in Mexico since 2006.",
    ),
    (
        "Unemployment in Ohio fell to 3.9 percent in March, the lowest in two decades.",
        "Ohio's unemployment rate dropped to 3.9 percent in March, its lowest in 20 years.",
    ),
    (
        "The new budget will cut health care spending by 12 percent by 2030.",
        "By 2030 the new budget will cut spending on health care by 12 percent.",
    ),
    (
        "Crime in Texas has doubled since the border plan came into force.",
        "Since the border plan came into force, crime in Texas has doubled.",
    ),
    (
        "Rents in Lisbon rose by 40 percent in five years, the mayor said.",
        "The mayor said rents in Lisbon have risen 40 percent in five years.",
    ),
    (
        "Brazil spends more on pensions than on education and health combined.",
        "Brazil spends more on pensions than on health and education combined.",
    ),
    (
        "Kenya has the fastest-growing economy in East Africa.",
        "Kenya's economy is the fastest-growing in East Africa.",
    ),
    (
        "Electricity prices in Germany are three times higher than in France.",
        "Germany's electricity prices are three times as high as France's.",
    ),
    (
        "The tax reform created 200,000 jobs in its first year.",
        "In its first year the tax reform created 200,000 jobs.",
    ),
    (
        "Half of all students in Italy cannot afford their rent.",
        "Half of Italy's students cannot afford to pay their rent.",
    ),
    (
        "The government has frozen childcare funding for families until 2027.",
        "Childcare funding for families has been frozen by the government until 2027.",
    ),
    (
        "Drug overdoses killed 107,000 Americans last year, a record.",
        "A record 107,000 Americans died of drug overdoses last year.",
    ),
    (
        "Steel tariffs drove up car prices for American families.",
        "American families paid more for cars because steel tariffs drove up prices.",
    ),
    (
        "We have never spent more on the NHS than we do today.",
        "We have never spent more on the NHS than today, the minister said.",
    ),
    (
        "Immigration reached a record 1.2 million people in 2023.",
        "In 2023 immigration hit a record 1.2 million people.",
    ),
    (
        "The minimum wage has risen faster than inflation every year since 2015.",
        "Every year since 2015, the minimum wage has risen faster than inflation.",
    ),
    (
        "One in five children in Scotland lives in poverty.",
        "One in five Scottish children lives in poverty.",
    ),
    (
        "Hospital waiting lists in Wales are the longest on record.",
        "Waiting lists at hospitals in Wales are the longest ever recorded.",
    ),
    (
        "The carbon levy will raise fuel prices by 10 cents a litre.",
        "Fuel prices will go up by 10 cents a litre because of the carbon levy.",
    ),
    (
        "Nigeria produces more oil than any other country in Africa.",
        "No country in Africa produces more oil than Nigeria.",
    ),
]

NON_PARAPHRASES = [
    (
        "Violence has killed more than 450,000 people in Mexico since 2006.",
        "Mexico received more than 450,000 tourists in January 2006.",
    ),
    (
        "Unemployment in Ohio fell to 3.9 percent in March, the lowest in two decades.",
        "Inflation in Ohio rose to 3.9 percent in March, the highest in two decades.",
    ),
    (
        "The new budget will cut health care spending by 12 percent by 2030.",
        "The new budget will raise defence spending by 2 percent next year.",
    ),
    (
        "Crime in Texas has doubled since the border plan came into force.",
        "Tourism in Texas has grown since the new airport opened.",
    ),
    (
        "Brazil spends more on pensions than on education and health combined.",
        "Argentina spends less on pensions than Chile.",
    ),
    (
        "Electricity prices in Germany are three times higher than in France.",
        "Germany imports electricity from France in winter.",
    ),
    (
        "Drug overdoses killed 107,000 Americans last year, a record.",
        "Road accidents killed 42,000 Americans last year.",
    ),
    (
        "Nigeria produces more oil than any other country in Africa.",
        "Nigeria imports most of its petrol from Europe.",
    ),
]
