# 강제북송 기록(Repatriation Watch): 한국어 메시지.
# en.ftl의 모든 id가 여기에도 있어야 합니다(테스트가 양쪽을 확인합니다).

## 날짜와 기간

month-short-1 = 1월
month-short-2 = 2월
month-short-3 = 3월
month-short-4 = 4월
month-short-5 = 5월
month-short-6 = 6월
month-short-7 = 7월
month-short-8 = 8월
month-short-9 = 9월
month-short-10 = 10월
month-short-11 = 11월
month-short-12 = 12월
month-long-1 = 1월
month-long-2 = 2월
month-long-3 = 3월
month-long-4 = 4월
month-long-5 = 5월
month-long-6 = 6월
month-long-7 = 7월
month-long-8 = 8월
month-long-9 = 9월
month-long-10 = 10월
month-long-11 = 11월
month-long-12 = 12월
date-unknown = 날짜 미상
date-day = { $year }년 { $month }월 { $day }일
date-month = { $year }년 { $month }월
date-month-early = { $year }년 { $month }월 초
date-month-mid = { $year }년 { $month }월 중순
date-month-late = { $year }년 { $month }월 말
date-year = { $year }년
date-year-early = { $year }년 초
date-year-mid = { $year }년 중반
date-year-late = { $year }년 말
date-months-in-year = { $year }년 { $month }~{ $end_month }월
date-months = { $year }년 { $month }월~{ $end_year }년 { $end_month }월
date-days-in-month = { $year }년 { $month }월 { $day }~{ $end_day }일
date-days-in-year = { $year }년 { $month }월 { $day }일~{ $end_month }월 { $end_day }일
date-days = { $year }년 { $month }월 { $day }일~{ $end_year }년 { $end_month }월 { $end_day }일
period-week-of = { $year }년 { $month }월 { $day }일 주
period-month = { $year }년 { $month }월
period-quarter = { $year }년 { $quarter }분기

## 선택 항목

CountQualifier-Exact = 정확한 수
CountQualifier-AtLeast = 최소
CountQualifier-MoreThan = 초과
CountQualifier-About = 약
CountQualifier-Nearly = 가까이
CountQualifier-UpTo = 최대
CountQualifier-Between = 범위
CountQualifier-Vague = 막연한 수
CountQualifier-Unknown = 미상
RecordKind-Incident = 사건
RecordKind-Rally = 집회
RecordKind-Source = 출처
RecordKind-Place = 장소
RecordKind-Organization = 단체
DatePrecision-Day = 일
DatePrecision-Week = 주
DatePrecision-Month = 월
DatePrecision-Year = 연
DatePrecision-Range = 기간
DatePrecision-Unknown = 미상
PeriodPart-Early = 초
PeriodPart-Mid = 중순
PeriodPart-Late = 말
IncidentKind-ForcedRepatriation = 강제북송
IncidentKind-Detention = 구금
IncidentKind-Arrest = 체포
IncidentKind-Release = 석방
IncidentKind-Other = 기타
IncidentStatus-Reported = 보도됨
IncidentStatus-Corroborated = 교차 확인됨
IncidentStatus-Confirmed = 공식 확인됨
IncidentStatus-Disputed = 반박됨
OrganizationKind-Ngo = NGO·시민단체
OrganizationKind-LawyersAssociation = 변호사 단체
OrganizationKind-ReligiousGroup = 종교 단체
OrganizationKind-CommunityGroup = 동포·지역 단체
OrganizationKind-GovernmentBody = 정부 기관
OrganizationKind-UnBody = 유엔 기구
OrganizationKind-Media = 언론
OrganizationKind-Other = 기타
PlaceKind-DetentionCentre = 구금시설
PlaceKind-BorderCrossing = 국경 통과 지점
PlaceKind-City = 도시
PlaceKind-County = 군·현
PlaceKind-Province = 도·성
PlaceKind-Embassy = 대사관·영사관
PlaceKind-Plaza = 광장
PlaceKind-Building = 건물
PlaceKind-Other = 기타
RallyKind-Rally = 집회
RallyKind-PressConference = 기자회견
RallyKind-Vigil = 촛불집회
RallyKind-March = 행진
RallyKind-OpenLetter = 공개서한
RallyKind-OnePersonProtest = 1인 시위
RallyKind-Other = 기타
SourceKind-NewsArticle = 언론 기사
SourceKind-NgoStatement = NGO 성명
SourceKind-PressRelease = 보도자료
SourceKind-GovernmentStatement = 정부 발표
SourceKind-UnDocument = 유엔 문서
SourceKind-Testimony = 증언
SourceKind-SocialMedia = 소셜미디어
SourceKind-Other = 기타
Reliability-A = A
Reliability-B = B
Reliability-C = C
Reliability-D = D
Reliability-E = E
Reliability-F = F
Reliability-Unknown = 미상
Period-Week = 주
Period-Month = 월
Period-Quarter = 분기
Period-Year = 연도
BreakdownBy-FromPlace = 송환 출발지
BreakdownBy-ToPlace = 송환 도착지
BreakdownBy-Status = 확인 상태
BreakdownBy-Kind = 사건 유형
BreakdownBy-RallyCity = 집회 도시
BreakdownBy-RallyOrganizer = 집회 주최 단체

## 메뉴와 명령

command-new = 새로 만들기
command-open = 열기…
command-open-path = 열기
command-save = 저장
command-save-as = 다른 이름으로 저장…
command-undo = 실행 취소
command-redo = 다시 실행
command-find = 찾기
command-new-record = 새 기록
command-export-chart-csv = 차트를 CSV로 내보내기…
command-export-chart-png = 차트를 PNG로 내보내기…
command-problems = 문제 목록…
command-about = Repatriation Watch 정보
command-quit = 종료
menu-file = 파일
menu-recent-files = 최근 파일
menu-recent-none = 아직 없음
menu-edit = 편집
menu-view = 보기
menu-help = 도움말
menu-language = 언어
theme-system = 시스템 색상 따르기
theme-dark = 어두운 색상
theme-light = 밝은 색상
view-incidents = 사건
view-rallies = 집회
view-sources = 출처
view-places = 장소
view-organizations = 단체
view-charts = 차트

## 주 화면

untitled = 제목 없음
new-record = 새 { $kind }
new-record-hint = 새 기록 만들기 (Ctrl+R)
chart-chip-showing = 차트에서 고른 { $label }만 보는 중
chart-chip-clear = × { $label } 해제
chart-chip-status = { $period }, { $status }
table-empty = 아직 기록이 없습니다.
table-nothing-matches = 검색어와 필터에 맞는 기록이 없습니다.
editor-nothing-selected = 표에서 { $key ->
        [incident] 사건을
       *[other] { $kind }를
    } 고르면 보고 고칠 수 있습니다. “새 { $kind }”를 눌러 새로 만들 수도 있습니다.
recovery-write-failed = 복구 파일을 쓰지 못했습니다: { $failure }
undo-add = 실행 취소: { $kind } “{ $title }” 추가
undo-change = 실행 취소: { $kind } “{ $title }” 수정
undo-delete = 실행 취소: { $kind } “{ $title }” 삭제
redo-add = 다시 실행: { $kind } “{ $title }” 추가
redo-change = 다시 실행: { $kind } “{ $title }” 수정
redo-delete = 다시 실행: { $kind } “{ $title }” 삭제
charts-filtered = 필터를 통과한 기록만
chart-saved = 차트를 { $path }에 저장했습니다
chart-export-failed = 차트를 내보내지 못했습니다: { $error }

## 파일 오류

io-not-found = 파일이나 폴더가 없습니다
io-permission-denied = 권한이 없습니다
io-storage-full = 디스크가 가득 찼습니다
io-read-only = 읽기 전용 디스크입니다
io-is-a-directory = 파일이 아니라 폴더입니다
io-not-text = 텍스트 파일이 아닙니다
save-failed = { $path }을(를) 저장하지 못했습니다. { $step } 단계에서 실패: { $reason }
save-failed-serialize = { $path }을(를) 저장하지 못했습니다: { $reason }
save-step-create-folder = 폴더 { $dir } 만들기
save-step-create-temporary = { $dir }에 임시 파일 만들기
save-step-copy-permissions = 파일 권한 복사
save-step-write = { $bytes }바이트 쓰기
save-step-flush = 쓴 데이터 내보내기
save-step-sync = 디스크에 동기화
save-step-backup = { $path }에 백업 보관
save-step-replace = 새 버전으로 파일 교체
load-cannot-read = 파일을 읽을 수 없습니다: { $reason }
load-too-large = 파일 크기가 { $size }바이트로, 한도인 { $limit }바이트를 넘습니다
load-syntax = { $line }행 { $column }열: { $message }
load-wrong-format = Repatriation Watch 데이터 파일이 아닙니다(형식: “{ $found }”)
load-too-new = 파일 형식 버전이 { $found }로, 이 프로그램이 읽을 수 있는 버전({ $supported }까지)보다 새롭습니다. Repatriation Watch를 업데이트한 뒤 여십시오
load-unknown-version = 파일 형식 버전 { $found }은(는) 존재하지 않는 버전입니다

## 파일

no-dialog-note = 이 환경에서는 파일 선택 창을 띄울 수 없습니다(데스크톱 포털과 zenity가 없음). 파일의 전체 경로를 입력하십시오.
sample-unreadable = 내장 예시 데이터를 읽지 못했습니다
open-failed = { $path }을(를) 열지 못했습니다
dialog-open-title = 데이터 파일 열기
file-filter-dataset = Repatriation Watch 데이터 파일 (.ron)
file-filter-csv = CSV
file-filter-png = PNG 그림
dialog-export-chart-title = 차트 내보내기
chart-figures-saved = 차트 수치를 { $path }에 저장했습니다
dialog-save-as-title = 다른 이름으로 데이터 파일 저장
saved-to = { $path }에 저장했습니다
saved-to-with-drafts = { $path }에 저장했습니다. 문제가 있는 입력 양식 { $count }개는 아직 저장되지 않았습니다
save-failed-title = 저장하지 못했습니다
save-failed-kept = { $error }{"\u000A"}{"\u000A"}입력한 데이터는 저장되지 않은 채 그대로 남아 있습니다.
recovered-message = 저장하지 않은 작업을 복구했습니다. 보존하려면 저장하십시오
recovery-unreadable = 복구한 작업을 읽지 못했습니다
sample-name = sample.ron (내장 예시)

## 상태 표시줄과 표

status-unsaved = ● 저장하지 않은 변경 사항
status-unsaved-forms = ● 저장하지 않은 입력 양식 { $count }개
status-summary = 사건 { $incidents }건, 집회 { $rallies }건, 출처 { $sources }건, 장소 { $places }곳, 단체 { $organizations }곳
status-problems = { $count ->
        [0] 문제 없음
       *[other] 문제 { $count }건
    }
status-problems-hint = 문제 목록 보기
search-hint = 검색 (Ctrl+F)
search-label = 검색
search-clear = 검색어 지우기
sort-hint = 이 열로 정렬합니다. 다시 누르면 반대 순서로 정렬합니다
sort-by = { $column } 기준 정렬
draft-marker-hint = 입력 양식에서 고쳤지만 아직 저장하지 않음

## 열

column-date = 날짜
column-title = 제목
column-people = 인원
column-kind = 유형
column-status = 상태
column-from = 출발지
column-to = 도착지
column-attendance = 참석 인원
column-place = 장소
column-organizers = 주최 단체
column-published = 발행일
column-outlet = 매체
column-reliability = 신뢰도
column-language = 언어
column-name = 이름
column-korean = 한국어 표기
column-chinese = 중국어 표기
column-country = 국가
column-province = 도·성
column-city = 도시
count-and-more = { $count } 외 { $more }건

## 필터

filter-from = 시작일
filter-to = 종료일
filter-kind = 유형
filter-status = 상태
filter-place = 장소
filter-organization = 단체
filter-clear-all = 필터 모두 해제
filter-clear = “{ $label }” 지우기
filter-any = 전체
filter-set-day = “{ $label }” 날짜 정하기
filter-by = { $label }(으)로 거르기

## 대화 상자

button-ok = 확인
button-cancel = 취소
button-close = 닫기
delete-title = 이 { $kind } 기록을 삭제할까요?
delete-text = “{ $title }”({ $id })이(가) 삭제됩니다. 편집 → 실행 취소로 되돌릴 수 있습니다.
delete-button = 기록 삭제
unsaved-title = 변경 사항을 저장할까요?
unsaved-before-new = 이 데이터에 저장하지 않은 변경 사항이 있습니다. 새 데이터를 시작하기 전에 저장할까요?
unsaved-before-open = 이 데이터에 저장하지 않은 변경 사항이 있습니다. 다른 파일을 열기 전에 저장할까요?
unsaved-before-quit = 이 데이터에 저장하지 않은 변경 사항이 있습니다. 닫기 전에 저장할까요?
unsaved-save-first = 먼저 저장
unsaved-dont-save = 저장 안 함
unsaved-dont-save-hint = 저장하지 않은 변경 사항을 버립니다
path-chart-csv = 차트 수치를 CSV로 내보내기
path-chart-png = 차트를 PNG 그림으로 내보내기
path-label = 파일 경로
path-hint = /home/me/data/watch.ron
problems-title = 문제 ({ $count }건)
problems-none = 문제가 없습니다. 모든 기록이 온전합니다.
problems-show-record = 이 기록 보기
recovery-title = 저장하지 않은 작업을 복구할까요?
recovery-never-saved = 한 번도 저장하지 않은 데이터
recovery-text = Repatriation Watch가 { $of }의 변경 사항을 저장하지 않은 채 종료되었습니다. 변경 사항은 { $when }에 보관되었습니다.
recovery-restore = 복구
recovery-restore-hint = 복구한 작업을 저장하지 않은 상태로 엽니다
recovery-discard = 버리기
recovery-discard-hint = 복구한 작업을 버립니다
about-version = 버전 { $version }
about-text = 중국의 탈북민 강제북송과 이에 항의하는 집회를 기록합니다. 모든 날짜와 숫자는 출처에 쓰인 표현을 그대로 간직합니다. 어떤 자료도 이 컴퓨터 밖으로 나가지 않습니다.

## 문제

problem-empty-id = ID가 비어 있습니다
problem-duplicate-id = 같은 ID를 쓰는 { $kind } 기록이 둘 이상입니다
problem-empty-name = 이름이 비어 있습니다
problem-empty-title = 제목이 비어 있습니다
problem-missing-reference = 존재하지 않는 { $kind } { $id }을(를) 가리킵니다
problem-dates-reversed = 마지막 날({ $latest })이 첫날({ $earliest })보다 앞섭니다
problem-out-of-range = { $value }은(는) -{ $limit }와 { $limit } 사이의 값이 아닙니다
problem-low-above-high = 최솟값({ $low })이 최댓값({ $high })보다 큽니다
problem-best-outside = 추정치({ $best })가 최솟값~최댓값 범위를 벗어납니다
problem-several-preferred = 우선 추정치로 표시된 것이 둘 이상입니다
problem-parent-loop = 상위 사건 연결이 자기 자신으로 되돌아옵니다
problem-legs-exceed = 하위 송환 건을 합하면 최소 { $legs }명으로, 이 사건의 최댓값 { $ceiling }명보다 많습니다
problem-line = { $kind } { $id }, { $field }: { $message }

## 입력 양식

field-title = 제목
field-kind = 유형
field-status = 확인 상태
field-date = 날짜
field-people = 인원
field-from-place = 출발지
field-to-place = 도착지
field-part-of = 상위 사건
field-legs = 하위 송환 건
field-people-involved = 관련 인물
field-authorities = 관련 당국
field-context = 배경
field-sources = 출처
field-notes = 메모
field-outlet = 매체
field-author = 작성자
field-language = 언어
field-url = URL 주소
field-published = 발행일
field-archive-url = 보관본 URL
field-reliability = 신뢰도
field-key-quote = 핵심 인용문
field-name = 이름
field-korean-name = 한국어 이름
field-chinese-name = 중국어 이름
field-country = 국가
field-province = 도·성
field-city = 도시
field-latitude = 위도
field-longitude = 경도
field-place = 장소
field-organizers = 주최 단체
field-attendance = 참석 인원
field-target = 항의 대상
field-demands = 요구 사항
field-occasion = 계기
field-responds-to = 대응한 사건
hint-incident-notes = 확인된 내용, 날짜의 근거 등
hint-key-quote = 중요한 대목을 원문 그대로
hint-demands = 한 줄에 요구 사항 하나씩
hint-rally-notes = 발언자, 전달한 내용, 날짜의 근거 등
picker-none = 없음
picker-none-not-leg = 없음(하위 송환 건 아님)
leg-open = 이 하위 송환 건 열기
leg-add = 하위 송환 건 추가
leg-add-hint = 이 사건의 일부: 여러 차례 중 한 번의 송환
decimal-not-a-number = 숫자가 아닙니다(예: 40.1292)
field-id = ID
record-times = 만든 때 { $created }, 고친 때 { $updated }
record-gone = 이 기록은 더 이상 없습니다.
edit-record = { $kind } 편집
form-changed = 고쳤지만 저장하지 않음
form-nothing-to-save = 저장할 변경 사항이 없습니다
form-fix-first = 빨간색으로 표시된 문제를 먼저 고치십시오
form-save = 저장
form-save-hint = 이 기록 저장 (Ctrl+Enter)
form-save-and-new = 저장 후 새로 만들기
form-save-and-new-hint = 저장한 뒤 새 기록을 시작합니다
form-discard = 변경 사항 버리기
form-duplicate = 복제
form-duplicate-hint = 이 기록을 복사해 새 기록을 시작합니다
form-delete = 삭제
form-problems = 저장하기 전에 고쳐야 할 문제가 { $count }건 있습니다. 아래에 빨간색으로 표시했습니다.

## 인원과 날짜

count-hint = 보도된 그대로, 예: 최소 95명
count-understood = 해석: { $meaning } ({ $qualifier })
count-none = 수치 없음
count-not-understood = 숫자로 해석하지 못했습니다. 표현 그대로 보관합니다
count-adjust = 수치 직접 조정
count-low = 최솟값
count-best = 추정치
count-high = 최댓값
estimate-n = 추정치 { $n }
estimate-source-of = { $label } 출처
estimate-no-source = 출처 없음
estimate-preferred = 우선
estimate-preferred-hint = 차트에 쓰이는 수치
estimate-remove = 삭제
estimate-remove-hint = { $label } 삭제
estimate-note-hint = 메모: 누가 낸 수치인지, 왜 다른지
estimate-note-on = { $label } 메모
estimate-note-tooltip = 이 추정치에 대한 메모
estimate-add-first = { $noun } 추가
estimate-add-another = { $noun } 추정치 추가
estimate-add-hint = 같은 사안에 대한 다른 출처의 수치
date-hint = 보도된 그대로, 예: 2023년 11월 말
date-first-day = 첫날
date-last-day = 마지막 날
date-understood-day = 해석: { $meaning }
date-understood-span = 해석: { $meaning } ({ $days })
date-none = 날짜 없음
date-not-understood = 날짜로 해석하지 못했습니다. 표현 그대로 보관합니다. 날짜를 알면 아래에서 정하십시오.
date-precision-hint = 출처가 밝힌 날짜의 정밀도
date-picker-format = %Y년 %-m월 %-d일
date-the-day = { $name }
date-clear-day = { $name } 지우기
date-set-day = { $name } 정하기
picker-missing = { $id }(없음)
picker-search-hint = 입력해서 찾기
picker-search = { $field } 찾기
picker-add-new = 새 { $kind } 추가: “{ $name }”
picker-remove = { $name } 빼기
picker-add = 추가…
title-copy = { $title } (사본)
